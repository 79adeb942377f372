// A synthetic 部门决算 workbook of any size: 表2/表3/表5 with full 类/款/项 trees whose sums hold exactly.
import type { Grid } from "../src/core/grid";
import type { CellValue } from "../src/core/money";
import { Decimal } from "../src/core/money";

/** Deterministic pseudo-random cents, so every run measures the same work. */
function* cents(seed: number): Generator<Decimal> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield new Decimal(x % 1000000).dividedBy(100);
  }
}

interface Row {
  code: string;
  name: string;
  values: Decimal[];
}

/** About `rows` code rows: classes of 10 款 × 10 项 (111 rows each). */
function tree(rows: number, columns: number, seed: number): { rows: Row[]; total: Decimal[] } {
  const rand = cents(seed);
  const out: Row[] = [];
  const total = Array.from({ length: columns }, () => new Decimal(0));
  for (let c = 0; out.length + 111 <= rows; c++) {
    const lei = String(200 + c);
    const leiRow: Row = { code: lei, name: `类${lei}`, values: total.map(() => new Decimal(0)) };
    out.push(leiRow);
    for (let k = 1; k <= 10; k++) {
      const kuan = `${lei}${String(k).padStart(2, "0")}`;
      const kuanRow: Row = { code: kuan, name: `款${kuan}`, values: total.map(() => new Decimal(0)) };
      out.push(kuanRow);
      for (let x = 1; x <= 10; x++) {
        // Column 0 is the row total of the others.
        const parts = Array.from({ length: columns - 1 }, () => rand.next().value as Decimal);
        const values = [parts.reduce((a, b) => a.plus(b), new Decimal(0)), ...parts];
        out.push({ code: `${kuan}${String(x).padStart(2, "0")}`, name: "项", values });
        values.forEach((v, i) => {
          kuanRow.values[i] = kuanRow.values[i].plus(v);
          leiRow.values[i] = leiRow.values[i].plus(v);
          total[i] = total[i].plus(v);
        });
      }
    }
  }
  return { rows: out, total };
}

type Tree = ReturnType<typeof tree>;

function codeSheet(sheet: string, title: string, heads: string[], { rows: data, total }: Tree): Grid {
  const values: CellValue[][] = [
    [title],
    ["部门：某某局", null, ...heads.map(() => null), "单位：万元"],
    ["功能分类科目编码", "科目名称", ...heads],
    ["栏次", null, ...heads.map((_, i) => i + 1)],
    ["合计", null, ...total.map((v) => v.toNumber())],
    ...data.map((r) => [r.code, r.name, ...r.values.map((v) => v.toNumber())]),
  ];
  return { sheet, origin: { row: 0, col: 0 }, values };
}

/** 表5 from 表3's 基本支出 and 项目支出 (columns 1 and 2): every 表5 figure within 表3's, as in a real set. */
function within(t3: Tree): Tree {
  const pick = (v: Decimal[]) => [v[1].plus(v[2]), v[1], v[2]];
  return { rows: t3.rows.map((r) => ({ ...r, values: pick(r.values) })), total: pick(t3.total) };
}

/** 表2, 表3 and 表5 with about `rowsPerTable` code rows each. By default 表5 draws its own figures, so that
 *  most of its rows exceed 表3's (some 5,000 X8 warnings at 5,000 rows: the cost of findings is measured
 *  too); `consistent` takes them from 表3, and the workbook has no finding of arithmetic. */
export function syntheticWorkbook(rowsPerTable: number, { consistent = false }: { consistent?: boolean } = {}): Grid[] {
  const t3 = tree(rowsPerTable, 6, 2);
  return [
    codeSheet("表2", "收入决算表", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], tree(rowsPerTable, 7, 1)),
    codeSheet("表3", "支出决算表", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], t3),
    codeSheet("表5", "一般公共预算财政拨款支出决算表", ["小计", "基本支出", "项目支出"], consistent ? within(t3) : tree(rowsPerTable, 3, 3)),
  ];
}
