import { diagramMermaid } from '../../shared/tcp/diagram.ts';

// `npm run -s diagram`: the TCP state diagram, drawn from the transition table, as Mermaid.
process.stdout.write(diagramMermaid() + '\n');
