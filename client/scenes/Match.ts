import Phaser from 'phaser';
import type { Card, Role } from '../../shared/match/cards.ts';
import { playsNumbers, showsHints } from '../../shared/match/settings.ts';
import type { MoveView, PairRoomView, PlayPayload } from '../../shared/protocol.ts';
import { explainMove, movePlayed } from '../../shared/i18n/moveText.ts';
import { MatchSounds } from '../audio/matchSounds.ts';
import { game, locale, t } from '../i18n/text.ts';
import { isChallengeView } from '../net/challengeView.ts';
import { showsKeyHelp, whenKeyHelpShows } from '../keyHelp.ts';
import { watchForSlowFrames } from '../slowFrameWatch.ts';
import { hook, publish } from '../testHook.ts';
import { hintShowing } from '../../shared/match/hints.ts';
import { Explanation } from '../ui/Explanation.ts';
import { announce, labelLiveRegion } from '../ui/LiveRegion.ts';
import { GetReady } from '../ui/GetReady.ts';
import { Hand } from '../ui/Hand.ts';
import { Host, type HostLabels } from '../ui/Host.ts';
import { Ladder } from '../ui/Ladder.ts';
import { Lane } from '../ui/Lane.ts';
import { MatchHeader, type HeaderFacts } from '../ui/MatchHeader.ts';
import { TextField } from '../ui/TextField.ts';
import { SoundToggle } from '../ui/SoundToggle.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS, ROLE_MARK } from '../ui/theme.ts';
import { explanationFor, type Said } from './explanationFor.ts';
import { SessionScreen } from './SessionScreen.ts';
import { SCENES } from './scenes.ts';

/** A server's refusal in words; a pause is marked as the pause notice is. */
function refusalText(code: string): string {
  return code === 'roundPaused' ? `‖ ${game('error.roundPaused')}` : game(`error.${code}`);
}

const KEY_NAMES = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN'] as const;
const SAID_MS = 8000;
/** The shortest a phone's ladder gets (a long explanation above it takes its room down to this), and the tallest that explanation. */
const LADDER_MIN = 90;
const EXPLANATION_MAX = 170;

/** A round being played: hosts, the network lane, the hand, timers, score and the live ladder. */
export class Match extends SessionScreen {
  private header!: MatchHeader;
  private hosts!: Record<Role, Host>;
  private lane!: Lane;
  private ladder!: Ladder;
  private explanation!: Explanation;
  private hand!: Hand;
  private seq!: TextField;
  private ack!: TextField;
  private help!: Phaser.GameObjects.Text;
  /** Names beside the number fields: a placeholder disappears once something is typed. */
  private fieldNames!: Phaser.GameObjects.Text[];
  protected view!: PairRoomView;
  private said: Said | null = null;
  private sending = false;
  private getReady!: GetReady;
  /** Whether the clock had started and the hint was showing when the view was last drawn. */
  private timeShown = '';
  private soundToggle!: SoundToggle;
  private sounds!: MatchSounds;

  /** A screen that plays rounds the same way (the timed challenge) passes its own key. */
  constructor(key: typeof SCENES.Match | typeof SCENES.ChallengeMatch = SCENES.Match) {
    super(key);
  }

  create(): void {
    this.view = this.session.view;
    this.said = null;
    this.sending = false;
    this.header = new MatchHeader(this);
    this.hosts = { client: new Host(this, 'client', this.hostLabels('client')), server: new Host(this, 'server', this.hostLabels('server')) };
    // A phone in class is silent unless its student turns sound on; solo and pair play have their own setting.
    this.soundToggle = new SoundToggle(this, this.view.mode === 'class' ? 'classPhone' : 'play');
    this.sounds = new MatchSounds(this, this.soundToggle);
    this.lane = new Lane(this, { lost: t('match.lost'), held: t('match.held') }, () => {
      publish({ lostShown: hook.state.lostShown + 1 });
      this.sounds.lost();
    });
    this.ladder = new Ladder(this, { roles: { client: t('role.client'), server: t('role.server') }, lost: t('match.lost'), missed: t('match.missed') });
    this.explanation = new Explanation(this);
    labelLiveRegion(t('live.label'));
    this.getReady = new GetReady(this);
    this.timeShown = '';
    this.hand = new Hand(this, (card) => void this.play(card), { hint: t('match.hint'), resend: t('match.resend') });
    const numberField = (id: 'seq' | 'ack', next: () => void): TextField => new TextField(this, {
      id: `${id}-input`, placeholder: t(`match.${id}`), maxLength: 10, inputMode: 'numeric',
      onEnter: () => this.sendFromFields(), enterKeyHint: 'send', onTab: next,
    });
    this.seq = numberField('seq', () => this.ack.field.focus());
    this.ack = numberField('ack', () => this.blurFields());
    this.fieldNames = (['seq', 'ack'] as const).map((id) => this.add.text(0, 0, t(`match.${id}`), textStyle(15, { bold: true, mono: true, colour: COLOURS.dim })).setOrigin(1, 0.5));
    this.help = this.add.text(0, 0, '', textStyle(13, { colour: COLOURS.dim, align: 'center' })).setOrigin(0.5, 0);
    KEY_NAMES.forEach((name, i) => {
      this.onKey(name, () => this.hand.playKey(i + 1));
      this.onKey(`NUMPAD_${name}`, () => this.hand.playKey(i + 1));
    });
    // Not while typing in a number field.
    this.onKey('M', () => {
      if (!(document.activeElement instanceof HTMLInputElement)) this.soundToggle.press();
    });
    this.onKey('S', (event) => {
      if (!this.seq.visible) return;
      event.preventDefault();
      this.seq.field.focus();
    });
    // Notices (a partner left, a bot took over) and refusals are told where explanations go.
    const offNotice = this.session.events.on('notice', (n) => this.tell('info', game(`notice.${n.code}`, { nickname: n.nickname ?? '' })));
    const offError = this.session.events.on('error', (code) => this.tell('info', refusalText(code)));
    // A touch phone shows no keyboard help until a keyboard is used; the hand then moves up for it.
    const offKeys = whenKeyHelpShows(() => this.relayout());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => { offNotice(); offError(); offKeys(); });
    this.startLayout();
    this.follow();
    watchForSlowFrames(this);
  }

  private tell(tone: Said['tone'], text: string): void {
    this.say(tone, text);
    this.showView(this.view);
  }

  override update(): void {
    const now = this.session.serverNow();
    for (const role of ['client', 'server'] as const) this.hosts[role].show(this.view.endpoints.get(role), now);
    this.lane.showView(this.view, now);
    this.ladder.show(this.view, now, true);
    this.showHeader(now);
    this.showGetReady(now);
    // The timed challenge's header shows its own clock, not the round's: the round's seconds do not tick there.
    this.sounds.frame(this.view, this.myRole(), now, !isChallengeView(this.view));
    // The clock's start and the hint's moment come with time, not with a patch.
    if (this.timeFacts(now) !== this.timeShown) this.showView(this.view);
  }

  /** The get-ready step over the match until the round's clock starts: role, goal, count-down. */
  private showGetReady(now: number): void {
    const me = this.myRole();
    const { scenarioId, phase } = this.view;
    // Never more than the step itself: before the first patch has told the time, `now` may be 0.
    const left = Math.min(this.view.roundClockStartsAt - now, this.view.roundClockStartsAt - this.view.roundStartedAt);
    const facts = phase === 'playing' && me && scenarioId && left > 0 ? {
      role: me, youAre: t('getReady.youAre', { role: `${ROLE_MARK[me]} ${t(`role.${me}`).toUpperCase()}` }),
      goal: game(`scenario.${scenarioId}.goal`), secondsLeft: Math.ceil(left / 1000),
    } : null;
    this.getReady.show(facts);
    const said = facts ? [facts.youAre, facts.goal, facts.secondsLeft].join(' | ') : '';
    if (said !== hook.state.getReady) publish({ getReady: said });
    // Said once, not every second of the count-down.
    if (facts) announce(`${facts.youAre}. ${facts.goal}`);
  }

  private timeFacts(now: number): string {
    const me = this.myRole();
    const endpoint = me ? this.view.endpoints.get(me) : undefined;
    return `${now >= this.view.roundClockStartsAt}|${endpoint ? hintShowing(endpoint.hintAt, now) : false}`;
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(8, Math.min(24, width * 0.02));
    const wide = width >= 900 && width > height;
    const left = wide ? width * 0.58 - m : width - 2 * m;
    this.getReady.resize(width, height);
    const toggleWidth = this.soundToggle.layOut(width - m, m, 44, width < 560);
    const headerHeight = this.header.setPosition(m, m).resize(width - 2 * m - toggleWidth - 8);
    let y = m + headerHeight + 6;
    const hostWidth = Math.min(230, left * 0.3);
    const hostHeight = wide ? Math.min(220, Math.max(154, (height - y) * 0.3)) : 154;
    this.hosts.client.setPosition(m, y).resize(hostWidth, hostHeight);
    this.hosts.server.setPosition(m + left - hostWidth, y).resize(hostWidth, hostHeight);
    this.lane.setPosition(m + hostWidth + 6, y + 20).resize(left - 2 * hostWidth - 12, hostHeight - 40);
    y += hostHeight + 8;
    const explanationHeight = wide ? Math.min(130, Math.max(96, (height - y) * 0.18)) : 70;

    const numbers = playsNumbers(this.view.difficulty);
    const keys = showsKeyHelp();
    const helpHeight = keys ? 22 : 0;
    const handWidth = left;
    const handHeight = this.hand.layout(handWidth, wide ? Math.min(130, Math.max(96, height - (y + explanationHeight + 8) - 80)) : 130);
    const handTop = height - m - helpHeight - handHeight;
    const fieldsTop = handTop - (numbers ? 56 : 0);

    // On a phone a long explanation (a wrong card's) takes room from the ladder below it rather
    // than running past its border; side by side, the ladder has a column of its own and the
    // panel its usual height.
    const explanationMax = wide ? explanationHeight : Math.min(EXPLANATION_MAX, fieldsTop - 8 - (y + 8) - LADDER_MIN);
    this.explanation.setPosition(m, y).resize(left, explanationHeight, explanationMax);
    y += this.explanation.panelHeight + 8;
    this.hand.setPosition(m, handTop);
    this.help.setVisible(keys).setPosition(m + left / 2, handTop + handHeight + 4).setText(numbers ? t('match.keysHelpNumbers') : t('match.keysHelp'));
    this.seq.setVisible(numbers);
    this.ack.setVisible(numbers);
    const nameWidth = 36;
    const fieldWidth = Math.min(200, (left - 8) / 2 - nameWidth);
    this.seq.setBox(m + left / 2 - fieldWidth - 4, fieldsTop, fieldWidth, 48);
    this.ack.setBox(m + left / 2 + nameWidth + 4, fieldsTop, fieldWidth, 48);
    this.fieldNames.forEach((name, i) => name.setVisible(numbers).setPosition(i === 0 ? this.seq.x - 6 : this.ack.x - 6, fieldsTop + 24));

    if (wide) this.ladder.setPosition(width * 0.58 + m, m + headerHeight + 6).resize(width * 0.42 - 2 * m, height - headerHeight - 2 * m - 6);
    else this.ladder.setPosition(m, y).resize(left, Math.max(LADDER_MIN, fieldsTop - 8 - y));
    this.publishTargets({ ...Object.fromEntries(this.hand.cards.map((card) => [`card.${card.card}`, card])), sound: this.soundToggle });
  }

  protected showView(view: PairRoomView): void {
    const before = this.view;
    this.view = view;
    if (before.difficulty !== view.difficulty) this.layout(this.viewWidth, this.viewHeight);
    const me = this.myRole();
    for (const role of ['client', 'server'] as const) this.hosts[role].setLabels(this.hostLabels(role));
    const endpoint = me ? view.endpoints.get(me) : undefined;
    const now = this.session.serverNow();
    this.timeShown = this.timeFacts(now);
    // The ★ shows only from the moment the server set: after a hesitation or a mistake.
    const hints = showsHints(view.difficulty) && endpoint && hintShowing(endpoint.hintAt, now) ? endpoint.hintCards : [];
    this.hand.setLooks((card) => ({
      enabled: view.phase === 'playing' && !this.sending,
      hint: hints.includes(card),
      resend: endpoint?.mustRetransmit === card,
    }));
    const { tone, text } = explanationFor(view, me, this.said, performance.now(), now);
    if (this.explanation.say(tone, text)) this.layout(this.viewWidth, this.viewHeight);
    publish({ explanation: text });
    // What the panel says is what a screen reader hears: arrivals, their meaning, mistakes, hints.
    announce(text);
  }

  private async play(card: Card): Promise<void> {
    if (this.sending || this.view.phase !== 'playing') return;
    const payload: PlayPayload = { card, ...this.numbers() };
    this.sending = true;
    this.showView(this.view);
    const outcome = await this.session.play(payload);
    this.sending = false;
    if (!this.scene.isActive()) return;
    if (outcome.ok) this.judged(outcome.move);
    // A refusal (the round is paused, over, …) changed nothing and cost nothing: not a mistake's red.
    else this.say('info', refusalText(outcome.code));
    this.showView(this.session.view);
  }

  private judged(move: MoveView): void {
    publish({ verdicts: [...hook.state.verdicts, move.verdict] });
    this.sounds.judged(move);
    if (move.verdict === 'correct') announce(t('live.right', { card: movePlayed(move, locale()) }));
    if (move.verdict === 'correct') {
      this.said = null;
      this.seq.field.value = '';
      this.ack.field.value = '';
      return;
    }
    this.say('mistake', `${t('match.mistake', { card: movePlayed(move, locale()) })} — ${explainMove(move, locale())}`);
  }

  private say(tone: Said['tone'], text: string): void {
    this.said = { tone, text, until: performance.now() + SAID_MS };
  }

  /** seq and ack as typed, in the difficulties that ask for them. */
  private numbers(): Pick<PlayPayload, 'seq' | 'ack'> {
    if (!playsNumbers(this.view.difficulty)) return {};
    const read = (field: TextField): number | undefined => (/^\d+$/.test(field.value) ? Number(field.value) : undefined);
    const seq = read(this.seq);
    const ack = read(this.ack);
    return { ...(seq !== undefined ? { seq } : {}), ...(ack !== undefined ? { ack } : {}) };
  }

  /**
   * Enter in a number field sends the one card marked for the player (★ or ↻) with the numbers
   * typed; with no single marked card (Expert) it closes the fields, and 1–7 then sends.
   */
  private sendFromFields(): void {
    this.blurFields();
    const me = this.myRole();
    const endpoint = me ? this.view.endpoints.get(me) : undefined;
    const hints = showsHints(this.view.difficulty) ? (endpoint?.hintCards ?? []) : [];
    const marked = endpoint?.mustRetransmit ? [endpoint.mustRetransmit] : hints;
    if (marked.length === 1 && marked[0]) void this.play(marked[0]);
  }

  private blurFields(): void {
    this.seq.field.blur();
    this.ack.field.blur();
  }

  protected myRole(): Role | undefined {
    return this.view.players.get(this.session.sessionId)?.role;
  }

  private hostLabels(role: Role): HostLabels {
    const player = [...this.view.players.values()].find((p) => p.role === role);
    const you = player?.sessionId === this.session.sessionId;
    const name = player ? `${player.nickname || t('waiting.bot')}${player.isBot && player.nickname ? ` (${t('waiting.bot')})` : ''}` : '';
    return {
      role: t(`role.${role}`), nickname: name, you, youLabel: t('match.you'),
      rto: t('match.rto'), timeWait: t('match.timeWait'), deadline: t('match.deadline'), seconds: (s) => t('match.seconds', { seconds: s }),
      isn: (isn) => (you && playsNumbers(this.view.difficulty) ? t('match.isn', { isn }) : ''),
    };
  }

  private showHeader(now: number): void {
    // A new scenario's goal (the challenge's next round) may take another number of lines.
    if (this.header.show(this.headerFacts(now))) this.layout(this.viewWidth, this.viewHeight);
  }

  /** What the header says at the room's time `now`. */
  protected headerFacts(now: number): HeaderFacts {
    const view = this.view;
    const me = this.myRole();
    const endpoint = me ? view.endpoints.get(me) : undefined;
    // The round's time runs from its clock start: in the get-ready step it stands at the full limit.
    const seconds = Math.max(0, Math.ceil((view.roundEndsAt - Math.max(now, view.roundClockStartsAt)) / 1000));
    // A class's pair room plays one round of the class's: the class's count is the one that means something.
    const [round, rounds] = view.classRounds > 0 ? [view.classRound, view.classRounds] : [view.round, view.rounds];
    return {
      round: t('match.round', { round, rounds }),
      roundShort: `${round}/${rounds}`,
      title: view.scenarioId ? game(`scenario.${view.scenarioId}.title`) : '',
      goal: view.scenarioId ? game(`scenario.${view.scenarioId}.goal`) : '',
      timeLeft: t('match.timeLeft', { seconds }),
      points: t('match.points', { points: endpoint?.points ?? 0 }),
      streak: t('match.streak', { streak: endpoint?.streak ?? 0 }),
    };
  }
}
