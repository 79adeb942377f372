// The public face of 情况说明 for the command line, the add-in and the pane.
export { chartSpecs, type ChartSpec, type ChartsResult } from "./charts";
export { checkNarrative, figureSummary, type NarrativeCheck, type NarrativeFinding, type FigureStatus } from "./check";
export { compareNarratives, type SentencePair } from "./compare";
export { type Narrative, type Paragraph, type Part, PLACEHOLDER, narrativeText, paragraphText, placeholderCount } from "./document";
export { extractFigures, type TableFigures } from "./figures";
export { generateNarrative } from "./generate";
export { INPUT_SHEET, type InputsRead, type NarrativeInputs, emptyInputs, inputTemplate, lastYearFrom, readInputs } from "./inputs";
