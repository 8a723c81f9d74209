import type Phaser from 'phaser';
import { classKeys } from '../classKeys.ts';
import { game } from '../i18n/text.ts';
import { joinClass, teachAgain } from '../net/classroom.ts';
import { loadPreferences } from '../preferences.ts';
import { classLinkCode, teachingCode } from './ClassJoin.ts';
import type { ClassReportData } from './ClassReport.ts';
import { go, SCENES } from './scenes.ts';

/**
 * Opens the class the address names, if it names one: a teacher's /teach/CODE comes back with
 * the secret this browser kept (to the report once the class room is gone), a student's
 * /class/CODE comes back as the same student with their token, or opens the join form filled in.
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
    // The class room is gone (ended, idle, a restart): its report is still in the database.
    else go(scene, SCENES.ClassReport, { code: teaching, secret } satisfies ClassReportData);
    return true;
  }
  const code = classLinkCode();
  if (!code) return false;
  const nickname = loadPreferences().nickname;
  if (classKeys.studentToken(code) && nickname) {
    const result = await joinClass(code, nickname);
    if (result.ok) {
      go(scene, SCENES.ClassLobby, { cls: result.session });
      return true;
    }
    if (result.failure === 'kicked' || result.failure === 'classEnded') classKeys.forgetStudent(code);
    go(scene, SCENES.ClassJoin, { code, message: game(`error.${result.failure}`) });
    return true;
  }
  go(scene, SCENES.ClassJoin, { code });
  return true;
}
