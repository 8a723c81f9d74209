import type Phaser from 'phaser';
import { classKeys } from '../classKeys.ts';
import { game } from '../i18n/text.ts';
import { joinClass, teachAgain, type ClassResult } from '../net/classroom.ts';
import { classOpenInOtherTab } from '../net/classTabs.ts';
import { loadPreferences } from '../preferences.ts';
import { classLinkCode, teachingCode } from './ClassJoin.ts';
import type { ClassReportData } from './ClassReport.ts';
import { go, SCENES } from './scenes.ts';

/**
 * Opens the class the address names, if it names one: a teacher's /teach/CODE comes back with
 * the secret this browser kept (to the report once the class room is gone), a student's
 * /class/CODE comes back as the same student with their token (unless another tab of this browser
 * is in that class: then the join form says so), or opens the join form filled in.
 * Returns false when the address names no class.
 */
export async function openClassFromAddress(scene: Phaser.Scene): Promise<boolean> {
  const teaching = teachingCode();
  if (teaching) {
    const secret = classKeys.teacherSecret(teaching);
    if (!secret) {
      go(scene, SCENES.ClassJoin);
      return true;
    }
    const result = await teachAgain(teaching, secret);
    if (result.ok) go(scene, SCENES.TeacherConsole, { session: result.session });
    else if (result.failure === 'unreachable') go(scene, SCENES.ClassJoin, { message: game('error.roomNotFound') });
    // The server was updated and this page could not reload itself (joinFailure.ts): the class is not gone.
    else if (result.failure === 'outdatedClient') go(scene, SCENES.ClassJoin, { message: game('error.outdatedClient') });
    // The class room is gone (ended, idle, a restart): its report is still in the database.
    else go(scene, SCENES.ClassReport, { code: teaching, secret } satisfies ClassReportData);
    return true;
  }
  const code = classLinkCode();
  if (!code) return false;
  const nickname = loadPreferences().nickname;
  if (classKeys.studentToken(code) && nickname) {
    // The link opened again in a second tab while the first is in the class: the newest
    // connection is the one the class seats, so joining here would take the first tab's match.
    if (await classOpenInOtherTab(code)) {
      go(scene, SCENES.ClassJoin, { code, message: game('error.classInOtherTab') });
      return true;
    }
    const result = await rejoinClass(code, nickname);
    if (result.ok) {
      go(scene, SCENES.ClassLobby, { cls: result.session });
      return true;
    }
    go(scene, SCENES.ClassJoin, { code, message: game(`error.${result.failure}`) });
    return true;
  }
  go(scene, SCENES.ClassJoin, { code });
  return true;
}

/**
 * The site's own address, in a browser whose student was in a class this morning (a closed tab,
 * a phone that dropped the page): back into that class as the same student, who is then seated
 * in the round if one is running. Not when another tab of this browser is in it (the newest
 * connection would take the student's seat from it), nor once the class has ended. Returns
 * whether it went back.
 */
export async function returnToClass(scene: Phaser.Scene): Promise<boolean> {
  // Only the bare address: a homework link (/?scenarios=…) or any other asks for something else.
  if (location.pathname !== '/' || location.search !== '') return false;
  const code = classKeys.lastJoined();
  const nickname = loadPreferences().nickname;
  if (!code || !nickname || await classOpenInOtherTab(code)) return false;
  const result = await rejoinClass(code, nickname);
  if (!result.ok) return false;
  // The address a reload comes back to, as if the class link had been followed.
  history.replaceState(null, '', `/class/${code}`);
  go(scene, SCENES.ClassLobby, { cls: result.session });
  return true;
}

/**
 * The student this browser kept joins `code` again. Only a refusal that stands for good (kicked,
 * the class ended) forgets them: a class not found may be a server restarting, after which the
 * class comes back under its code and the same student with it.
 */
async function rejoinClass(code: string, nickname: string): Promise<ClassResult> {
  const result = await joinClass(code, nickname);
  if (!result.ok && (result.failure === 'kicked' || result.failure === 'classEnded')) classKeys.forgetStudent(code);
  return result;
}
