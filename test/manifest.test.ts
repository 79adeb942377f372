// The local manifest check: passes the real manifest, and catches each kind of mistake it claims to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../scripts/manifest/checkManifest";
import { ROOT } from "./support/workbooks";

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const assets = join(ROOT, "assets");
const check = (xml: string) => checkManifest(xml, assets);

describe("local manifest check", () => {
  it("passes manifest.xml", () => {
    expect(check(manifest)).toEqual([]);
  });

  it.each([
    ["malformed XML", (x: string) => x.replace("</OfficeApp>", ""), /XML 格式错误/],
    ["an undefined resid", (x: string) => x.replace('resid="CheckButton.Tooltip"', 'resid="Nope.Tooltip"'), /Nope\.Tooltip.*未定义/],
    ["an http URL", (x: string) => x.replace('"https://localhost:3000/taskpane.html"/>\n        <bt:Url id="GetStarted', '"http://localhost:3000/taskpane.html"/>\n        <bt:Url id="GetStarted'), /必须是 https/],
    ["a missing icon", (x: string) => x.replace("assets/icon-80.png", "assets/icon-81.png"), /图标文件不存在.*icon-81/],
    ["an icon of the wrong size", (x: string) => x.replace('id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"', 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"'), /Icon\.32x32 应为 32×32，实为 16×16/],
    ["a bad Id", (x: string) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"), /不是 GUID/],
    ["a short-lived shared runtime", (x: string) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
  ])("catches %s", (_, edit, message) => {
    const errors = check(edit(manifest));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(message);
  });
});
