import type Phaser from 'phaser';
import { classKeys } from '../classKeys.ts';
import { game } from '../i18n/text.ts';
import { joinClass, teachAgain } from '../net/classroom.ts';
import { loadPreferences } from '../preferences.ts';
import { classLinkCode, teachingCode } from './ClassJoin.ts';
import type { ClassReportData } from './ClassReport.ts';
import { followClass } from './classFlow.ts';

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
      scene.scene.start('ClassJoin');
      return true;
    }
    const result = await teachAgain(teaching, secret);
    if (result.ok) scene.scene.start('TeacherConsole', { session: result.session });
    else if (result.failure === 'unreachable') scene.scene.start('ClassJoin', { message: game('error.roomNotFound') });
    // The class room is gone (ended, idle, a restart): its report is still in the database.
    else scene.scene.start('ClassReport', { code: teaching, secret } satisfies ClassReportData);
    return true;
  }
  const code = classLinkCode();
  if (!code) return false;
  const nickname = loadPreferences().nickname;
  if (classKeys.studentToken(code) && nickname) {
    const result = await joinClass(code, nickname);
    if (result.ok) {
      followClass(scene.game, result.session);
      if (!result.session.pendingSeat) scene.scene.start('ClassLobby');
      return true;
    }
    if (result.failure === 'kicked' || result.failure === 'classEnded') classKeys.forgetStudent(code);
    scene.scene.start('ClassJoin', { code, message: game(`error.${result.failure}`) });
    return true;
  }
  scene.scene.start('ClassJoin', { code });
  return true;
}
