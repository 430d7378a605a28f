// ml-logistic-regression 2.0.0 ships no type declarations; this is the part Seam uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  interface TwoClass {
    readonly weights: Matrix;
    testScores(features: Matrix): number[];
  }
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClass[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
    toJSON(): { name: 'LogisticRegression' };
    static load(model: unknown): LogisticRegression;
  }
}
