import type { PairRoomView } from '../../shared/protocol.ts';
import { game, t } from '../i18n/text.ts';
import { isChallengeView } from '../net/challengeView.ts';
import type { HeaderFacts } from '../ui/MatchHeader.ts';
import { RoleBanner } from '../ui/RoleBanner.ts';
import { ROLE_MARK } from '../ui/theme.ts';
import { Match } from './Match.ts';
import { SCENES } from './scenes.ts';

/** The challenge clock as m:ss, rounded up so "0:00" only shows once the time is up. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A round of the timed challenge: the match screen as it is, with the challenge's clock, points
 * and streak in the header, and the role the player has this round (roles swap every round, with
 * no break between rounds) in the header and in a banner when it changes.
 */
export class ChallengeMatch extends Match {
  private banner: RoleBanner | null = null;
  /** The round and role last announced, so each is told once. */
  private announced = '';

  constructor() {
    super(SCENES.ChallengeMatch);
  }

  override create(): void {
    this.banner = null;
    this.announced = '';
    super.create();
    this.banner = new RoleBanner(this);
    this.layout(this.viewWidth, this.viewHeight);
    this.announce(this.view);
  }

  protected override layout(width: number, height: number): void {
    super.layout(width, height);
    this.banner?.setMaxWidth(Math.min(520, width - 24)).setPosition(width / 2, Math.min(height * 0.32, 230));
  }

  protected override showView(view: PairRoomView): void {
    super.showView(view);
    this.announce(view);
  }

  protected override headerFacts(now: number): HeaderFacts {
    const view = this.view;
    if (!isChallengeView(view)) return super.headerFacts(now);
    const me = this.myRole();
    const role = me ? `${ROLE_MARK[me]} ${t(`role.${me}`)}` : '';
    // The challenge's clock starts after the get-ready step: until then it stands at the full time.
    const left = view.endsAt >= 0 ? view.endsAt - Math.max(now, view.startedAt) : 0;
    return {
      round: [t('challenge.round', { round: view.round }), me ? t('challenge.youPlay', { role }) : ''].filter(Boolean).join(' · '),
      roundShort: [String(view.round), role].filter(Boolean).join(' '),
      title: view.scenarioId ? game(`scenario.${view.scenarioId}.title`) : '',
      goal: view.scenarioId ? game(`scenario.${view.scenarioId}.goal`) : '',
      timeLeft: t('challenge.clock', { time: clockText(left) }),
      points: t('match.points', { points: view.points }),
      streak: t('match.streak', { streak: view.streak }),
    };
  }

  private announce(view: PairRoomView): void {
    const me = this.myRole();
    if (!this.banner || !me || view.round < 1) return;
    const key = `${view.round}:${me}`;
    if (key === this.announced) return;
    this.announced = key;
    this.banner.show(me, t('challenge.roleNow', { round: view.round, role: `${ROLE_MARK[me]} ${t(`role.${me}`)}` }));
  }
}
