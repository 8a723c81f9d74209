import Phaser from 'phaser';
import { judgeFrames } from './frameCheck.ts';
import { t } from './i18n/text.ts';
import { saveRendererChoice } from './preferences.ts';
import { otherRenderer, type RendererName } from './rendererChoice.ts';
import { hook, publish } from './testHook.ts';
import { RendererNotice } from './ui/RendererNotice.ts';

/** Frames are judged once a visit: the first match that lasts long enough says, the others do not ask again. */
let judged = false;

/**
 * Times the frames of a match scene's first seconds (frameCheck.ts) and, when they are slow,
 * offers the other renderer in a notice. Not when the renderer is the player's remembered answer
 * to that notice: they were asked already.
 */
export function watchForSlowFrames(scene: Phaser.Scene): void {
  const decision = hook.state.renderer;
  if (judged || !decision || decision.reason === 'remembered') return;
  const frames: number[] = [];
  publish({ frames: { status: 'measuring' } });
  const onUpdate = (): void => {
    // The time between frames as the browser gave it, not Phaser's smoothed delta.
    frames.push(scene.game.loop.rawDelta);
    const verdict = judgeFrames(frames);
    if (verdict.status === 'measuring') return;
    judged = true;
    stop();
    publish({ frames: verdict });
    if (verdict.status === 'slow') offer(scene, decision.renderer, verdict.fps);
  };
  const stop = (): void => {
    scene.events.off(Phaser.Scenes.Events.UPDATE, onUpdate);
  };
  scene.events.on(Phaser.Scenes.Events.UPDATE, onUpdate);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
}

function offer(scene: Phaser.Scene, current: RendererName, fps: number): void {
  const other = otherRenderer(current);
  const texts = {
    message: t('renderer.slow', { fps }),
    switchTo: t(other === 'canvas' ? 'renderer.useCanvas' : 'renderer.useWebgl'),
    keep: t('renderer.keep'),
  };
  const notice = new RendererNotice(scene, texts, () => {
    saveRendererChoice(other);
    reloadWithoutAddressChoice();
  }, () => {
    saveRendererChoice(current);
    notice.destroy();
  });
  publish({ rendererNotice: notice.text });
  notice.once(Phaser.GameObjects.Events.DESTROY, () => publish({ rendererNotice: '' }));
}

/**
 * Phaser's renderer is fixed when the game is made, so switching loads the page again; the tab's
 * seat is resumed after a reload (net/resumeToken.ts). A `?renderer=` in the address would win
 * over the new choice, so it is taken out.
 */
function reloadWithoutAddressChoice(): void {
  const url = new URL(location.href);
  url.searchParams.delete('renderer');
  if (url.href === location.href) location.reload();
  else location.replace(url.href);
}
