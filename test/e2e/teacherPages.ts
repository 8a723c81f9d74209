/** A class in the browser: created from the Start screen as a teacher would, joined from its link as a student would. */
import type { Player } from './player.ts';

/**
 * Opens the game at `gameUrl`, creates a class (Start → Classroom → Create) and waits for the
 * console; returns the join link it shows, pointed at `gameUrl` (the console names the address
 * the page was opened by, or PUBLIC_URL).
 */
export async function createClassFromStart(teacher: Player, gameUrl: string): Promise<string> {
  await teacher.page.goto(gameUrl);
  await teacher.waitForScene('Start');
  await teacher.click('classroom');
  await teacher.waitForScene('ClassJoin');
  await teacher.click('create');
  await teacher.waitForScene('TeacherConsole');
  return (await teacher.page.inputValue('#class-link')).replace(/^https?:\/\/[^/]+/, gameUrl);
}

/** A student on a class link's join form (the page already opened there): types the nickname, sends it, waits for the class's lobby. */
export async function joinAsStudent(student: Player, nickname: string): Promise<void> {
  await student.waitForScene('ClassJoin');
  await student.page.click('#class-nickname');
  await student.page.keyboard.type(nickname);
  await student.page.keyboard.press('Enter');
  await student.waitForScene('ClassLobby');
}
