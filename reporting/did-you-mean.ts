/**
 * A cucumber formatter plugin: for every step that matches no step definition, prints the
 * three closest existing sentences ("did you mean"), fed by the same messages as every
 * other report. Cucumber writes only one formatter to stdout, so this one writes its file
 * (reports/did-you-mean.txt in the profiles) and the same lines to stderr, where a person
 * running the suite sees them next to cucumber's snippet.
 */
import { closestSentences, sentenceOf, StepDefinitionPattern } from './sentences';

interface Envelope {
  stepDefinition?: { id: string; pattern: StepDefinitionPattern };
  parameterType?: { name: string; regularExpressions: string[] };
  pickle?: { id: string; uri: string; name: string; steps: { id: string; text: string; astNodeIds: string[] }[] };
  testCase?: { pickleId: string; testSteps: { pickleStepId?: string; stepDefinitionIds?: string[] }[] };
  testRunFinished?: unknown;
}

interface FormatterContext {
  on(event: 'message', handler: (envelope: Envelope) => void): void;
  write(text: string): void;
}

export function formatter({ on, write }: FormatterContext): void {
  const sentences: string[] = [];
  const choicesOf = new Map<string, string[]>();
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const undefinedSteps: { where: string; text: string }[] = [];
  on('message', (envelope) => {
    if (envelope.stepDefinition) sentences.push(sentenceOf(envelope.stepDefinition.pattern));
    if (envelope.parameterType) choicesOf.set(envelope.parameterType.name, envelope.parameterType.regularExpressions.join('|').split('|'));
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) {
      const pickle = pickles.get(envelope.testCase.pickleId);
      for (const step of envelope.testCase.testSteps) {
        if (step.pickleStepId === undefined || (step.stepDefinitionIds ?? []).length > 0) continue;
        const text = pickle?.steps.find((candidate) => candidate.id === step.pickleStepId)?.text ?? '';
        undefinedSteps.push({ where: `${pickle?.uri ?? '?'} (${pickle?.name ?? '?'})`, text });
      }
    }
    if (envelope.testRunFinished && undefinedSteps.length > 0) {
      const seen = new Set<string>();
      const lines = ['', 'Steps that match no sentence of the suite (docs/steps.md lists them all):'];
      for (const { where, text } of undefinedSteps) {
        if (seen.has(text)) continue;
        seen.add(text);
        lines.push(
          `  "${text}" in ${where}`,
          '    did you mean:',
          ...closestSentences(text, sentences, choicesOf).map((sentence) => `      ${sentence}`),
        );
      }
      const report = `${lines.join('\n')}\n`;
      write(report);
      process.stderr.write(report);
    }
  });
}

export default { type: 'formatter', formatter };
