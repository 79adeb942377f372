// The add-in bundle (dist/): one page, taskpane.html, loads the pane, the ribbon command and the custom
// functions into the shared runtime (runtime.js and shared.js first, then taskpane.js, commands.js, functions.js). `--env fakehost` also builds the fake Office host for the browser test
// and the demo (dist/fake-office.js), never loaded by the add-in itself.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { CustomFunctionsMetadataOptions } = require("./functions-metadata.config");

const rules = [
  {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    // Types are checked by `npm run typecheck`; the bundle only transpiles.
    // ES modules so that webpack can tree-shake Fluent UI (CommonJS would pull in the whole library).
    use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
  },
];
const resolve = { extensions: [".ts", ".tsx", ".js"] };

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  // Only the dev server needs certificates (Office loads add-ins over https); a build never does.
  const https = env.WEBPACK_SERVE ? await require("office-addin-dev-certs").getHttpsServerOptions() : undefined;
  const addin = {
    name: "addin",
    devtool: dev ? "source-map" : false,
    // The pane and the ribbon command run in one shared runtime and must share one check session: one
    // webpack runtime for both (one module registry, so src/shared/checkSession.ts is instantiated once)
    // and their common modules in one chunk. Without it each bundle had a session of its own and 一键校验
    // opened an empty pane. The custom functions keep their own bundle (functions.js, named by the manifest).
    entry: {
      taskpane: { import: "./src/taskpane/index.tsx", runtime: "runtime" },
      commands: { import: "./src/commands/commands.ts", runtime: "runtime" },
      functions: "./src/functions/functions.ts",
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          shared: { name: "shared", chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "commands", minChunks: 2, minSize: 0, enforce: true },
        },
      },
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: { keep: /fake-office/ } },
    resolve,
    module: { rules },
    performance: { hints: false },
    plugins: [
      // functions.json from the JSDoc of src/functions/functions.ts (keep typescript@5: the generator breaks on 7).
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new CustomFunctionsMetadataOptions(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: https ? { type: "https", options: https } : undefined,
    },
  };
  if (!env.fakehost) return addin;
  const fake = {
    name: "fakehost",
    entry: { "fake-office": "./test/fakeHost/browser.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js" },
    resolve,
    module: { rules },
    performance: { hints: false },
  };
  return [addin, fake];
};
