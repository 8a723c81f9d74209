import Phaser from 'phaser';
import { DPR } from './pixelRatio.ts';
import { Boot } from './scenes/Boot.ts';
import { ChallengeMatch } from './scenes/ChallengeMatch.ts';
import { ChallengeResult } from './scenes/ChallengeResult.ts';
import { ChallengeSetup } from './scenes/ChallengeSetup.ts';
import { ClassJoin } from './scenes/ClassJoin.ts';
import { ClassLobby } from './scenes/ClassLobby.ts';
import { ClassReport } from './scenes/ClassReport.ts';
import { ClassSetup } from './scenes/ClassSetup.ts';
import { ClassTime } from './scenes/ClassTime.ts';
import { PastClasses } from './scenes/PastClasses.ts';
import { ConnectionLost } from './scenes/ConnectionLost.ts';
import { Leaderboard } from './scenes/Leaderboard.ts';
import { Match } from './scenes/Match.ts';
import { RoundResult } from './scenes/RoundResult.ts';
import { Replay } from './scenes/Replay.ts';
import { ScenarioPicker } from './scenes/ScenarioPicker.ts';
import { Start } from './scenes/Start.ts';
import { TeacherConsole } from './scenes/TeacherConsole.ts';
import { Waiting } from './scenes/Waiting.ts';
import { layoutFacts } from './layoutFacts.ts';
import { loadRendererChoice } from './preferences.ts';
import { chooseRenderer } from './rendererChoice.ts';
import { hook, publish } from './testHook.ts';
import { COLOURS } from './ui/theme.ts';
import { probeWebgl } from './webglProbe.ts';
import { locale, setLocale } from './i18n/text.ts';
import { fillTurnUpright } from './turnUpright.ts';
import { keepRunning } from './keepRunning.ts';

setLocale(locale());
fillTurnUpright();

// Phaser fixes its renderer when the game is made, so it is chosen here (see rendererChoice.ts).
const renderer = chooseRenderer({
  address: new URLSearchParams(location.search).get('renderer'),
  remembered: loadRendererChoice(),
  probe: probeWebgl,
});
publish({ renderer });

const game = new Phaser.Game({
  type: renderer.renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
  parent: 'game',
  backgroundColor: COLOURS.background,
  // Sized in device pixels; each scene zooms its camera by DPR and lays out in CSS px.
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: innerWidth * DPR, height: innerHeight * DPR },
  dom: { createContainer: true },
  banner: false,
  callbacks: { postBoot: keepRunning },
  scene: [Boot, Start, ScenarioPicker, Waiting, Match, RoundResult, Replay, ChallengeSetup, ChallengeMatch, ChallengeResult, Leaderboard,
    ClassJoin, ClassLobby, TeacherConsole, ClassSetup, ClassTime, PastClasses, ClassReport, ConnectionLost],
});

addEventListener('resize', () => game.scale.setGameSize(innerWidth * DPR, innerHeight * DPR));
hook.game = game;
hook.layout = () => layoutFacts(game);
