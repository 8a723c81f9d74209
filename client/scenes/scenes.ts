import type Phaser from 'phaser';
import type { ClassSession } from '../net/classSession.ts';
import type { Session } from '../net/session.ts';
import type { ChallengeResultData } from './ChallengeResult.ts';
import type { ClassJoinData } from './ClassJoin.ts';
import type { ClassReportData } from './ClassReport.ts';
import type { LeaderboardData } from './Leaderboard.ts';
import type { RefusalData } from './refusalText.ts';
import type { ReplayData } from './Replay.ts';
import type { SessionData } from './SessionScreen.ts';

/** Every screen's key: one per scene, named for what the player sees. */
export const SCENES = {
  Boot: 'Boot',
  Start: 'Start',
  ScenarioPicker: 'ScenarioPicker',
  Waiting: 'Waiting',
  Match: 'Match',
  RoundResult: 'RoundResult',
  Replay: 'Replay',
  ChallengeSetup: 'ChallengeSetup',
  ChallengeMatch: 'ChallengeMatch',
  ChallengeResult: 'ChallengeResult',
  Leaderboard: 'Leaderboard',
  ClassJoin: 'ClassJoin',
  ClassLobby: 'ClassLobby',
  TeacherConsole: 'TeacherConsole',
  ClassSetup: 'ClassSetup',
  ClassTime: 'ClassTime',
  PastClasses: 'PastClasses',
  ClassReport: 'ClassReport',
  ConnectionLost: 'ConnectionLost',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** What each screen is started with; `undefined` for a screen that needs nothing. */
export interface SceneData {
  Boot: undefined;
  Start: RefusalData | undefined;
  ScenarioPicker: undefined;
  Waiting: SessionData;
  Match: SessionData;
  RoundResult: SessionData;
  Replay: ReplayData;
  ChallengeSetup: RefusalData | undefined;
  ChallengeMatch: SessionData;
  ChallengeResult: ChallengeResultData;
  Leaderboard: LeaderboardData;
  ClassJoin: ClassJoinData | undefined;
  ClassLobby: { readonly cls: ClassSession };
  TeacherConsole: { readonly session: ClassSession };
  ClassSetup: { readonly session: ClassSession };
  ClassTime: { readonly session: ClassSession };
  PastClasses: undefined;
  ClassReport: ClassReportData;
  ConnectionLost: { readonly session: Session };
}

/** A screen and what it is started with, as one value (e.g. where a Back button returns). */
export type Destination = { [K in SceneKey]: { readonly scene: K; readonly data: SceneData[K] } }[SceneKey];

type DataArgs<K extends SceneKey> = undefined extends SceneData[K] ? [data?: SceneData[K]] : [data: SceneData[K]];

/** The one way to change screens: stops `from` and starts `key` with its data, typed by key. */
export function go<K extends SceneKey>(from: Phaser.Scene, key: K, ...data: DataArgs<K>): void {
  from.scene.start(key, data[0]);
}

/** Goes back to where a Back button was told to return. */
export function goBack(from: Phaser.Scene, to: Destination): void {
  from.scene.start(to.scene, to.data);
}

/** Opens `key` over the screen `from` (the connection-lost notice over a match). */
export function overlay<K extends SceneKey>(from: Phaser.Scene, key: K, ...data: DataArgs<K>): void {
  from.scene.launch(key, data[0]);
}
