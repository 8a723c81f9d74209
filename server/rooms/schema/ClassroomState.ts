/**
 * The synchronised state of a classroom room (@colyseus/schema). Field names and meanings are
 * those of `ClassroomView` and its parts in shared/classroomProtocol.ts, which is what clients
 * read; the compile-time checks at the bottom keep the two in step. Nothing secret is here:
 * every student sees the roster and the standings the projector shows at the end of a round.
 * Only `liveLeaderboard`, `tiles` and `timeAllowances` are filtered (a StateView of the teacher's
 * screens): nobody in a match is looking at the first two, and the third is nobody else's business.
 * A filtered change still sends every student an empty patch (Colyseus sends the shared part of a
 * patch to every client without a view), so the room changes the first two at most once a second.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { Role } from '../../../shared/match/cards.ts';
import type { Ranking } from '../../../shared/classroom/standings.ts';
import type { Difficulty, Speed } from '../../../shared/match/settings.ts';
import type { Skill } from '../../../shared/match/types.ts';
import type { TileStatus } from '../../../shared/classroom/pairTile.ts';
import type {
  ClassPhase, ClassroomView, ClassSettings, MistakeView, PairTileView, SkillView, StandingView, StepTallyView, StudentView,
} from '../../../shared/protocol.ts';
import type { TcpState } from '../../../shared/tcp/states.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import type { Check, Exactly, Fields, Fits, Primitive } from './schemaAgreement.ts';

export const ClassSettingsState = schema({
  playlist: t.array('string'),
  rounds: t.uint8().default(1),
  difficulty: t.string<Difficulty>(),
  speed: t.string<Speed>(),
  lossRate: t.float64().default(0),
  roundSeconds: t.uint16().default(0),
  rankBy: t.string<Ranking>().default('points'),
}, 'ClassSettingsState');
export type ClassSettingsState = SchemaType<typeof ClassSettingsState>;

export const StudentState = schema({
  id: t.string(),
  nickname: t.string(),
  connected: t.boolean().default(true),
  pairCode: t.string().default(''),
  role: t.string<Role | ''>().default(''),
  partner: t.string().default(''),
  seated: t.boolean().default(false),
  botPlays: t.boolean().default(false),
}, 'StudentState');
export type StudentState = SchemaType<typeof StudentState>;

export const StandingState = schema({
  studentId: t.string(),
  nickname: t.string(),
  rank: t.uint16().default(1),
  points: t.number().default(0),
  accuracy: t.uint8().default(0),
  correct: t.uint16().default(0),
  mistakes: t.uint16().default(0),
  missed: t.uint16().default(0),
}, 'StandingState');
export type StandingState = SchemaType<typeof StandingState>;

export const MistakeState = schema({
  skill: t.string<Skill>(),
  why: t.string<MessageKey>(),
  count: t.uint16(),
}, 'MistakeState');
export type MistakeState = SchemaType<typeof MistakeState>;

export const SkillState = schema({
  skill: t.string<Skill>(),
  correct: t.uint16(),
  wrong: t.uint16(),
  accuracy: t.uint8(),
}, 'SkillState');
export type SkillState = SchemaType<typeof SkillState>;

export const StepTallyState = schema({
  skill: t.string<Skill>(),
  right: t.uint16(),
  wrong: t.uint16(),
  late: t.uint16(),
}, 'StepTallyState');
export type StepTallyState = SchemaType<typeof StepTallyState>;

export const PairTileState = schema({
  pairCode: t.string(),
  client: t.string().default(''),
  server: t.string().default(''),
  status: t.string<TileStatus>().default('waiting'),
  clientState: t.string<TcpState>().default('CLOSED'),
  serverState: t.string<TcpState>().default('CLOSED'),
  right: t.uint16().default(0),
  progress: t.uint8().default(0),
  streak: t.uint8().default(0),
  struggling: t.boolean().default(false),
  stuck: t.boolean().default(false),
}, 'PairTileState');
export type PairTileState = SchemaType<typeof PairTileState>;

export const ClassroomState = schema({
  code: t.string().default(''),
  phase: t.string<ClassPhase>().default('lobby'),
  paused: t.boolean().default(false),
  locked: t.boolean().default(false),
  round: t.uint8().default(0),
  scenarioId: t.string<ScenarioId | ''>().default(''),
  settings: t.ref(ClassSettingsState),
  clockStartsAt: t.number().default(-1),
  clockEndsAt: t.number().default(-1),
  serverTime: t.number().default(0),
  pairsPlaying: t.uint16().default(0),
  students: t.map(StudentState),
  leaderboard: t.array(StandingState),
  liveLeaderboard: t.array(StandingState).view(),
  /** Students given extra time or no deadline: teacher screens only, so the class never sees who. */
  timeAllowances: t.map('string').view(),
  mistakes: t.array(MistakeState),
  skills: t.array(SkillState),
  steps: t.array(StepTallyState),
  nextScenarioId: t.string<ScenarioId | ''>().default(''),
  tiles: t.array(PairTileState).view(),
}, 'ClassroomState');
export type ClassroomState = SchemaType<typeof ClassroomState>;

/*
 * Compile-time agreement with the protocol: every field a client reads exists here with the
 * same type, and nothing is synchronised that the protocol does not declare.
 */
type Collections = 'settings' | 'students' | 'leaderboard' | 'liveLeaderboard' | 'mistakes' | 'skills' | 'timeAllowances' | 'steps' | 'tiles';

export type ClassSchemaAgreesWithProtocol = [
  Check<Exactly<Primitive<Fields<StudentState>>, StudentView>>,
  Check<Fits<Primitive<Fields<StudentState>>, StudentView>>,
  Check<Exactly<Primitive<Fields<StandingState>>, StandingView>>,
  Check<Fits<Primitive<Fields<StandingState>>, StandingView>>,
  Check<Exactly<Primitive<Fields<MistakeState>>, MistakeView>>,
  Check<Fits<Primitive<Fields<MistakeState>>, MistakeView>>,
  Check<Exactly<Primitive<Fields<SkillState>>, SkillView>>,
  Check<Fits<Primitive<Fields<SkillState>>, SkillView>>,
  Check<Exactly<Primitive<Fields<StepTallyState>>, StepTallyView>>,
  Check<Fits<Primitive<Fields<StepTallyState>>, StepTallyView>>,
  Check<Exactly<Primitive<Fields<PairTileState>>, PairTileView>>,
  Check<Fits<Primitive<Fields<PairTileState>>, PairTileView>>,
  Check<Exactly<Pick<Fields<ClassSettingsState>, keyof ClassSettings>, ClassSettings>>,
  Check<Exactly<Primitive<Fields<ClassSettingsState>>, Omit<ClassSettings, 'playlist'>>>,
  Check<Fits<Primitive<Fields<ClassSettingsState>>, Omit<ClassSettings, 'playlist'>>>,
  Check<Exactly<Pick<Fields<ClassroomState>, keyof ClassroomView>, ClassroomView>>,
  Check<Fits<Omit<Primitive<Fields<ClassroomState>>, Collections>, Omit<ClassroomView, Collections>>>,
];
