/** A teacher in the browser: the class created from the Start screen, as a teacher would. */
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
