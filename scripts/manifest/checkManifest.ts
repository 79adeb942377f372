// A local check of manifest.xml for machines without a network (office-addin-manifest validate posts the
// manifest to a Microsoft service): well-formed XML, every resid defined, https URLs, the custom functions
// namespace, string lengths, and every icon present in assets/ at its declared size.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Node = Record<string, unknown>;

/** Every element of the tree, with its tag, depth-first. */
function* walk(node: unknown, tag = ""): Generator<{ tag: string; node: Node }> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, tag);
    return;
  }
  if (!node || typeof node !== "object") return;
  yield { tag, node: node as Node };
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_")) yield* walk(v, k);
}

function pngSize(path: string): { width: number; height: number } | null {
  const buf = readFileSync(path);
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export function checkManifest(xml: string, assetsDir: string): string[] {
  const errors: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`XML 格式错误（第 ${valid.err.line} 行）：${valid.err.msg}`];
  const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false }).parse(xml) as Node;
  const nodes = [...walk(doc)];

  const defined = new Map<string, { tag: string; value: string }>();
  for (const { tag, node } of nodes) {
    const id = node["@_id"];
    if (typeof id === "string" && /^bt:(Image|Url|String)$/.test(tag)) {
      if (defined.has(id)) errors.push(`资源 id 重复：${id}`);
      defined.set(id, { tag, value: String(node["@_DefaultValue"] ?? "") });
    }
  }
  for (const { tag, node } of nodes) {
    const resid = node["@_resid"];
    if (typeof resid === "string" && !defined.has(resid)) errors.push(`<${tag} resid="${resid}"> 引用的资源未定义`);
    if (typeof resid === "string" && resid.length > 32) errors.push(`resid 超过 32 个字符：${resid}`);
  }

  const app = doc.OfficeApp as Node | undefined;
  if (!app) return [...errors, "缺少 <OfficeApp> 根元素"];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(app.Id ?? ""))) errors.push("<Id> 不是 GUID");
  if (!/^\d+(\.\d+){0,3}$/.test(String(app.Version ?? ""))) errors.push("<Version> 应为 n.n.n.n");

  // Every URL the host will fetch must be https.
  const urls: string[] = [];
  for (const { tag, node } of nodes) {
    const v = node["@_DefaultValue"];
    if (typeof v === "string" && (/Url$/.test(tag) || tag === "bt:Url" || tag === "bt:Image" || tag === "SourceLocation")) urls.push(v);
  }
  for (const d of [app.AppDomains].flat()) {
    const domains = (d as Node | undefined)?.AppDomain;
    for (const domain of [domains].flat()) if (typeof domain === "string") urls.push(domain);
  }
  for (const url of urls) if (!/^https:\/\/[^\s]+$/.test(url)) errors.push(`URL 必须是 https：${url}`);

  for (const [id, { tag, value }] of defined) {
    if (tag === "bt:String" && value.length > 250) errors.push(`字符串过长（>250）：${id}`);
    if (tag === "bt:Image") {
      const file = value.replace(/^https:\/\/[^/]+\//, "").replace(/^assets\//, "");
      const path = join(assetsDir, file);
      if (!existsSync(path)) {
        errors.push(`图标文件不存在：${value}（查找 ${path}）`);
        continue;
      }
      const size = pngSize(path);
      const declared = Number(/(?<!\d)(\d+)x\d+/.exec(id)?.[1] ?? NaN);
      if (!size) errors.push(`图标不是 PNG：${path}`);
      else if (!Number.isNaN(declared) && (size.width !== declared || size.height !== declared)) errors.push(`图标 ${id} 应为 ${declared}×${declared}，实为 ${size.width}×${size.height}`);
    }
  }
  for (const { node } of nodes) {
    for (const key of ["IconUrl", "HighResolutionIconUrl"]) {
      const v = (node[key] as Node | undefined)?.["@_DefaultValue"];
      if (typeof v === "string" && !existsSync(join(assetsDir, v.replace(/^https:\/\/[^/]+\/(assets\/)?/, "")))) errors.push(`${key} 的图标文件不存在：${v}`);
    }
  }

  // Custom functions: a namespace of letters and digits (Excel puts it before every function name).
  for (const { tag, node } of nodes) {
    if (tag !== "ExtensionPoint" || node["@_xsi:type"] !== "CustomFunctions") continue;
    const resid = (node.Namespace as Node | undefined)?.["@_resid"];
    const ns = typeof resid === "string" ? defined.get(resid)?.value : undefined;
    if (!ns) errors.push("自定义函数缺少 <Namespace>");
    else if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(ns)) errors.push(`自定义函数命名空间“${ns}”只能含字母和数字，且不超过 32 个字符`);
    for (const part of ["Script", "Page", "Metadata"]) if (!node[part]) errors.push(`自定义函数缺少 <${part}>`);
  }
  // The shared runtime must be the page that the functions and the ribbon use.
  const runtime = nodes.find(({ tag }) => tag === "Runtime")?.node;
  if (runtime) {
    if (runtime["@_lifetime"] !== "long") errors.push('共享运行时应为 lifetime="long"');
    const page = runtime["@_resid"];
    for (const { tag, node } of nodes) {
      if (tag === "FunctionFile" && node["@_resid"] !== page) errors.push("FunctionFile 应与共享运行时使用同一页面");
      if (tag === "Page" && (node.SourceLocation as Node | undefined)?.["@_resid"] !== page) errors.push("自定义函数的 Page 应与共享运行时使用同一页面");
    }
  }
  return errors;
}
