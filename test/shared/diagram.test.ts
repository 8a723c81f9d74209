import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramEdges, diagramMermaid } from '../../shared/tcp/diagram.ts';

describe('the state diagram', () => {
  it('has the arrows of the RFC 9293 diagram', () => {
    const arrows = diagramEdges().map((e) => `${e.from}>${e.to}`);
    for (const a of [
      'CLOSED>LISTEN', 'CLOSED>SYN-SENT', 'LISTEN>SYN-RECEIVED', 'SYN-SENT>SYN-RECEIVED', 'SYN-SENT>ESTABLISHED',
      'SYN-RECEIVED>ESTABLISHED', 'ESTABLISHED>FIN-WAIT-1', 'ESTABLISHED>CLOSE-WAIT', 'FIN-WAIT-1>FIN-WAIT-2',
      'FIN-WAIT-1>CLOSING', 'FIN-WAIT-1>TIME-WAIT', 'FIN-WAIT-2>TIME-WAIT', 'CLOSING>TIME-WAIT', 'CLOSE-WAIT>LAST-ACK',
      'LAST-ACK>CLOSED', 'TIME-WAIT>CLOSED',
    ]) expect(arrows).toContain(a);
  });

  it('is the one in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(diagramMermaid());
  });
});
