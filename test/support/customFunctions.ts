// A stand-in for the CustomFunctions global of Excel's runtime: errors carry their code and message.
export class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctions(): void {
  Object.assign(globalThis, {
    CustomFunctions: {
      Error: FakeCustomFunctionError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    },
  });
}
