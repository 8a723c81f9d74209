import Phaser from 'phaser';
import type { Role } from '../../shared/match/cards.ts';
import type { MoveView, PairRoomView } from '../../shared/protocol.ts';
import { fitText } from './fitText.ts';
import { arrowHeadBox, layoutLadder, placeMarks, STATE_GAP, type Arrow, type LadderBoxRect, type LadderGeometry } from './ladderLayout.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, ROLE_COLOUR } from './theme.ts';
import { topLeftBox, type Panel } from './panel.ts';

export interface LadderLabels {
  roles: Record<Role, string>;
  lost: string;
  missed: string;
}

/** Air between a state's name and the ladder's edge. */
const EDGE_AIR = 4;
/** The ladder's background, and the plate behind a label or a mark so that a line across it does not strike it through. */
const BACKGROUND = 0x161e2b;
const PLATE = `#${BACKGROUND.toString(16).padStart(6, '0')}`;

/**
 * The sequence diagram of textbooks and Wireshark's flow graph: a timeline per endpoint, time
 * downwards, each segment an arrow labelled with its flags and numbers, each state written where it
 * was entered, and each move marked ✓ or ✗.
 */
export class Ladder extends Phaser.GameObjects.Container implements Panel {
  private readonly lines: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  /** Each arrow's label, shown once the arrow has reached it. */
  private arrowLabels = new Map<number, { text: Phaser.GameObjects.Text; at: number }>();
  private textKey = '';
  private boxWidth = 300;
  private boxHeight = 300;
  private readonly labels: LadderLabels;

  constructor(scene: Phaser.Scene, labels: LadderLabels) {
    super(scene, 0, 0);
    this.labels = labels;
    this.lines = scene.add.graphics();
    this.add(this.lines);
    scene.add.existing(this);
  }

  /** A plain box: its texts keep a little air from its edge. */
  readonly panelInset = 3;

  panelBox(): Phaser.Geom.Rectangle {
    return topLeftBox(this, this.boxWidth, this.boxHeight);
  }

  resize(width: number, height: number): this {
    this.boxWidth = width;
    this.boxHeight = height;
    return this;
  }

  show(view: PairRoomView, now: number, live: boolean): void {
    const geometry = layoutLadder(view, { width: this.boxWidth, height: this.boxHeight, now, live });
    this.drawLines(geometry, view, now, live);
    if (geometry.key !== this.textKey) {
      this.textKey = geometry.key;
      this.writeTexts(geometry, view.moves);
    }
    for (const arrow of geometry.arrows) {
      const label = this.arrowLabels.get(arrow.segment.id);
      label?.text.setVisible(arrow.drawn >= label.at);
    }
  }

  private drawLines(geo: LadderGeometry, view: PairRoomView, now: number, live: boolean): void {
    const g = this.lines.clear();
    g.fillStyle(BACKGROUND, 1).fillRoundedRect(0, 0, this.boxWidth, this.boxHeight, 10);
    for (const [role, x] of [['client', geo.left], ['server', geo.right]] as const) {
      g.lineStyle(3, ROLE_COLOUR[role], 1).lineBetween(x, geo.top, x, geo.bottom);
    }
    for (const mark of geo.states) g.fillStyle(ROLE_COLOUR[mark.role], 1).fillCircle(mark.role === 'client' ? geo.left : geo.right, mark.y, 4);
    for (const arrow of geo.arrows) this.drawArrow(g, arrow);
    if (live && view.roundStatus === 'playing') {
      g.lineStyle(1, COLOURS.dim, 0.5).lineBetween(geo.left, geo.y(now), geo.right, geo.y(now));
    }
  }

  private drawArrow(g: Phaser.GameObjects.Graphics, a: Arrow): void {
    if (a.drawn <= 0) return;
    const x = a.x1 + (a.x2 - a.x1) * a.drawn;
    const y = a.y1 + (a.y2 - a.y1) * a.drawn;
    const colour = ROLE_COLOUR[a.segment.from];
    if (a.segment.status === 'lost') {
      // Dashed and ending in ✗: a loss reads without colour.
      const steps = 10;
      g.lineStyle(2, COLOURS.lost, 1);
      for (let i = 0; i < steps; i += 2) {
        const f0 = (i / steps) * a.drawn;
        const f1 = ((i + 1) / steps) * a.drawn;
        g.lineBetween(a.x1 + (a.x2 - a.x1) * f0, a.y1 + (a.y2 - a.y1) * f0, a.x1 + (a.x2 - a.x1) * f1, a.y1 + (a.y2 - a.y1) * f1);
      }
      if (a.drawn >= 0.5) {
        g.lineStyle(3, COLOURS.wrong, 1).lineBetween(x - 7, y - 7, x + 7, y + 7).lineBetween(x - 7, y + 7, x + 7, y - 7);
      }
      return;
    }
    g.lineStyle(2, colour, 1).lineBetween(a.x1, a.y1, x, y);
    const angle = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
    const head = (da: number): [number, number] => [x - 11 * Math.cos(angle + da), y - 11 * Math.sin(angle + da)];
    const [hx1, hy1] = head(0.4);
    const [hx2, hy2] = head(-0.4);
    g.fillStyle(colour, 1).fillTriangle(x, y, hx1, hy1, hx2, hy2);
    if (a.segment.status === 'discarded') {
      // Arrived but not accepted: a bar across the head.
      g.lineStyle(3, COLOURS.wrong, 1).lineBetween(x - 6 * Math.sin(angle) * 2, y + 6 * Math.cos(angle) * 2, x + 6 * Math.sin(angle) * 2, y - 6 * Math.cos(angle) * 2);
    }
  }

  private writeTexts(geo: LadderGeometry, moves: readonly MoveView[]): void {
    for (const text of this.texts) text.destroy();
    this.texts = [];
    this.arrowLabels.clear();
    const add = (x: number, y: number, s: string, size: number, colour: number, originX: number, originY = 0.5): Phaser.GameObjects.Text => {
      const text = this.scene.add.text(x, y, s, textStyle(size, { mono: true, bold: true, colour })).setOrigin(originX, originY);
      this.add(text);
      this.texts.push(text);
      return text;
    };
    add(geo.left, 6, `● ${this.labels.roles.client}`, 13, COLOURS.client, 0.5, 0);
    add(geo.right, 6, `■ ${this.labels.roles.server}`, 13, COLOURS.server, 0.5, 0);
    // A state's name has the margin beside its line, less air at the edge: SYN-RECEIVED once ended 2 px from a phone's ladder edge.
    const stateRoom = geo.left - STATE_GAP - EDGE_AIR;
    for (const mark of geo.states) fitText(add(mark.x, mark.y, mark.state, 11, COLOURS.text, mark.align === 'right' ? 1 : 0), mark.state, stateRoom, { size: 11, minSize: 8 });
    for (const arrow of geo.arrows) {
      // Level labels on a dark plate, as in Wireshark's flow graph: readable across the line, and
      // rotated text is clipped by Phaser 4's WebGL renderer.
      const lost = arrow.segment.status === 'lost';
      const mid = 0.5;
      // A lost segment's label sits above its ✗, so both stay visible.
      const text = add(arrow.x1 + (arrow.x2 - arrow.x1) * mid, arrow.y1 + (arrow.y2 - arrow.y1) * mid,
        lost ? `${arrow.label} ✗ ${this.labels.lost}` : arrow.label, 11, lost ? COLOURS.lost : COLOURS.text, 0.5, lost ? 1.5 : 0.5);
      text.setBackgroundColor(PLATE).setPadding(3, 1, 3, 1);
      this.arrowLabels.set(arrow.segment.id, { text, at: mid });
    }
    // Marks keep off the labels, the heads of arrows that have arrived or been lost, and each other.
    const obstacles = [
      ...[...this.arrowLabels.values()].map(({ text }) => boxOf(text)),
      ...geo.arrows.filter((a) => a.drawn === 1 || a.segment.status === 'lost').map(arrowHeadBox),
    ];
    const marks = moves.map((move) => this.markMove(geo, move, add));
    placeMarks(marks.map(boxOf), obstacles).forEach((dy, i) => { marks[i]!.y += dy; });
  }

  private markMove(geo: LadderGeometry, move: MoveView,
    add: (x: number, y: number, s: string, size: number, colour: number, originX: number) => Phaser.GameObjects.Text): Phaser.GameObjects.Text {
    const client = move.role === 'client';
    const x = client ? geo.left + 6 : geo.right - 6;
    const originX = client ? 0 : 1;
    const y = geo.y(move.at);
    if (move.verdict === 'correct') {
      // Inside the lines, just under the arrow the move sent: outside them the state names sit at
      // the same heights (a server's quick SYN+ACK put its ✓ on "SYN-RECEIVED").
      return add(client ? geo.left + 12 : geo.right - 12, y + 11, '✓', 14, COLOURS.right, 0.5);
    }
    const what = move.verdict === 'missedDeadline' ? `◷ ${this.labels.missed}` : move.card;
    // On the ladder's own dark, as the labels are: an arrow drawn across it at that moment once made it unreadable.
    return add(x, y, `✗ ${what}`, 12, COLOURS.wrong, originX).setBackgroundColor(PLATE).setPadding(2, 1, 2, 1);
  }
}

/** A text's box in the ladder's px, whatever its origin. */
function boxOf(text: Phaser.GameObjects.Text): LadderBoxRect {
  return { x: text.x - text.width * text.originX, y: text.y - text.height * text.originY, width: text.width, height: text.height };
}
