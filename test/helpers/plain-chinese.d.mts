export interface PlainChineseProblem {
  text: string;
  word: string;
  where: string;
}
export declare const ALLOWED_LATIN: string[];
export declare function plainChineseProblems(root: Element | Document, options?: { allow?: string[] }): PlainChineseProblem[];
export declare function plainTextProblems(text: string | null | undefined, where?: string, allow?: string[]): PlainChineseProblem[];
export declare function describeProblems(problems: PlainChineseProblem[]): string;
export declare function plainChineseInPage(page: unknown, allow?: string[]): Promise<PlainChineseProblem[]>;
