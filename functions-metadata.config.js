// functions.json as custom-functions-metadata-plugin generates it, plus what its JSDoc tags cannot say:
// "allowErrorForDataTypeAny": true, so that Excel calls JUESUAN.CHECK(range) on a range holding an error cell
// (the error reaches the function as a value) instead of returning the error without calling it.
// https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json
class CustomFunctionsMetadataOptions {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    // The main compilation only, once the child compilations (html-webpack-plugin's) have merged their copy
    // of the generated file: changing it earlier makes the copies conflict.
    compiler.hooks.thisCompilation.tap("CustomFunctionsMetadataOptions", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "CustomFunctionsMetadataOptions", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const asset = assets["functions.json"];
        if (!asset) return;
        const metadata = JSON.parse(asset.source().toString());
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify({ ...metadata, allowErrorForDataTypeAny: true }, null, 4)));
      });
    });
  }
}

module.exports = { CustomFunctionsMetadataOptions };
