// One typeset formula (KaTeX, rendered to a string once per formula).
import { useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { renderFormula } from './formula';

export function Formula({ tex }: { tex: string }) {
  const html = useMemo(() => renderFormula(tex), [tex]);
  return <div className="lesson-formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
