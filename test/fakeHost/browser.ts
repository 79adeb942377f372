// The fake host as a script for a browser page (the browser test and `npm run demo`): it stands in for
// office.js, with the workbook the page was given in window.__JUESUAN_FAKE_WORKBOOK__.
import type { Grid } from "../../src/core/grid";
import { createFakeHost } from "./office";
import { FakeWorkbook } from "./state";

declare global {
  interface Window {
    __JUESUAN_FAKE_WORKBOOK__?: Grid[];
    __fakeExcel?: FakeWorkbook;
  }
}

const state = FakeWorkbook.fromGrids(window.__JUESUAN_FAKE_WORKBOOK__ ?? []);
const host = createFakeHost(state);
Object.assign(window, { Office: host.Office, Excel: host.Excel, CustomFunctions: host.CustomFunctions, __fakeExcel: state });
