import type { Misconception } from '../reports/misconceptions.ts';
import type { Locale } from './messages.ts';

/** A misconception as the report shows it: what the student believes, and what to reteach. */
export interface MisconceptionText {
  readonly name: string;
  readonly reteach: string;
}

/*
 * Kept apart from the move catalogues: these are the teacher's words (report and CSV), not the
 * player's, and the compiler checks that each misconception has all three languages.
 */
const TEXTS: Readonly<Record<Misconception, Readonly<Record<Locale, MisconceptionText>>>> = {
  plainAckForSyn: {
    en: { name: 'Sends a plain ACK where SYN+ACK is due', reteach: 'The answer to a SYN does two jobs at once: it acknowledges the peer\'s SYN and carries our own SYN, so both sides learn each other\'s initial sequence number.' },
    'zh-Hant': { name: '該回 SYN+ACK 時只送了 ACK', reteach: '對 SYN 的回應同時做兩件事：確認對方的 SYN，並帶上自己的 SYN，讓雙方都知道彼此的初始序號。' },
    'zh-Hans': { name: '该回 SYN+ACK 时只发了 ACK', reteach: '对 SYN 的回应同时做两件事：确认对方的 SYN，并带上自己的 SYN，让双方都知道彼此的初始序号。' },
  },
  twoWayHandshake: {
    en: { name: 'Thinks the handshake ends with the SYN+ACK', reteach: 'The SYN+ACK\'s sender has not yet heard that its own SYN arrived: the third segment, an ACK, tells it. That is why the handshake has three steps.' },
    'zh-Hant': { name: '以為收到 SYN+ACK 握手就結束了', reteach: '送出 SYN+ACK 的一方還不知道自己的 SYN 是否送達：第三個區段，也就是 ACK，才告訴它。所以握手需要三步。' },
    'zh-Hans': { name: '以为收到 SYN+ACK 握手就结束了', reteach: '发出 SYN+ACK 的一方还不知道自己的 SYN 是否送达：第三个报文段，也就是 ACK，才告诉它。所以握手需要三步。' },
  },
  earlyDataOrClose: {
    en: { name: 'Sends data or a FIN before the connection is established', reteach: 'Data and FIN carry sequence numbers that only mean something once both sides know each other\'s initial sequence number: after the handshake.' },
    'zh-Hant': { name: '連線建立前就送資料或 FIN', reteach: '資料和 FIN 都帶有序號，只有在雙方都知道彼此的初始序號之後（也就是握手完成後）才有意義。' },
    'zh-Hans': { name: '连接建立前就发数据或 FIN', reteach: '数据和 FIN 都带有序号，只有在双方都知道彼此的初始序号之后（也就是握手完成后）才有意义。' },
  },
  synFinTakeNoNumber: {
    en: { name: 'Acknowledges without adding one for SYN/FIN', reteach: 'A SYN and a FIN each take one sequence number although they carry no data, so the ACK that follows one is its seq + 1, and the sender\'s next seq moves on by one.' },
    'zh-Hant': { name: '確認 SYN/FIN 時忘了加一', reteach: 'SYN 和 FIN 雖然不帶資料，卻各佔用一個序號：確認它的 ACK 是它的 seq + 1，送出者下一個 seq 也要往後移一。' },
    'zh-Hans': { name: '确认 SYN/FIN 时忘了加一', reteach: 'SYN 和 FIN 虽然不带数据，却各占用一个序号：确认它的 ACK 是它的 seq + 1，发送方下一个 seq 也要往后移一。' },
  },
  dataLengthIgnored: {
    en: { name: 'Counts a data segment as one number, not one per byte', reteach: 'Sequence numbers count bytes, not segments: after 100 bytes of data the next number is seq + 100, and so is the ACK that acknowledges them.' },
    'zh-Hant': { name: '把一個資料區段算成一個序號，而不是每個位元組一個', reteach: '序號計算的是位元組，不是區段：送出 100 個位元組後，下一個序號是 seq + 100，確認它們的 ACK 也是。' },
    'zh-Hans': { name: '把一个数据报文段算成一个序号，而不是每个字节一个', reteach: '序号计算的是字节，不是报文段：发送 100 个字节后，下一个序号是 seq + 100，确认它们的 ACK 也是。' },
  },
  ackTakesNumber: {
    en: { name: 'Thinks a plain ACK takes a sequence number', reteach: 'Only SYN, FIN and data bytes take sequence numbers. A plain ACK takes none: nobody acknowledges it, so it is never resent.' },
    'zh-Hant': { name: '以為單純的 ACK 也佔用序號', reteach: '只有 SYN、FIN 和資料位元組佔用序號。單純的 ACK 不佔序號：沒有人確認它，所以它也從不重傳。' },
    'zh-Hans': { name: '以为单纯的 ACK 也占用序号', reteach: '只有 SYN、FIN 和数据字节占用序号。单纯的 ACK 不占序号：没有人确认它，所以它也从不重传。' },
  },
  resendTooEarly: {
    en: { name: 'Sends again without waiting for the retransmission timer', reteach: 'A segment not yet answered may still be on its way. TCP resends only when the retransmission timer fires, which outlasts a round trip; resending sooner only adds traffic.' },
    'zh-Hant': { name: '沒等重傳計時器就重送', reteach: '還沒收到回應的區段可能仍在路上。TCP 只在重傳計時器逾時後才重送，計時器比一次來回更長；提早重送只會增加流量。' },
    'zh-Hans': { name: '没等重传计时器就重发', reteach: '还没收到回应的报文段可能仍在路上。TCP 只在重传计时器超时后才重发，计时器比一次往返更长；提早重发只会增加流量。' },
  },
  resendNewNumber: {
    en: { name: 'Gives a resent segment a new sequence number', reteach: 'A retransmission is the same segment again: it keeps the sequence number it had the first time, so the receiver can tell a copy from new data.' },
    'zh-Hant': { name: '重送的區段用了新的序號', reteach: '重傳就是把同一個區段再送一次：它沿用第一次的序號，接收方才分得出是副本還是新資料。' },
    'zh-Hans': { name: '重发的报文段用了新的序号', reteach: '重传就是把同一个报文段再发一次：它沿用第一次的序号，接收方才分得出是副本还是新数据。' },
  },
  finNeedsNoAck: {
    en: { name: 'Leaves the peer\'s FIN unacknowledged', reteach: 'A FIN takes a sequence number like data, so it must be acknowledged like data; until its ACK arrives the closer keeps resending it.' },
    'zh-Hant': { name: '沒有確認對方的 FIN', reteach: 'FIN 像資料一樣佔用序號，所以也要像資料一樣被確認；在 ACK 到達前，關閉的一方會一直重送它。' },
    'zh-Hans': { name: '没有确认对方的 FIN', reteach: 'FIN 像数据一样占用序号，所以也要像数据一样被确认；在 ACK 到达前，关闭的一方会一直重发它。' },
  },
  finClosesBoth: {
    en: { name: 'Thinks a FIN closes both directions', reteach: 'A FIN closes only its sender\'s direction. The other side may go on sending data, which must still be acknowledged, and closes its own direction with its own FIN: that is why a close takes four segments.' },
    'zh-Hant': { name: '以為一個 FIN 會關閉兩個方向', reteach: 'FIN 只關閉送出者這個方向。另一端仍可繼續送資料（仍要確認），並以自己的 FIN 關閉自己的方向：所以關閉需要四個區段。' },
    'zh-Hans': { name: '以为一个 FIN 会关闭两个方向', reteach: 'FIN 只关闭发送方这个方向。另一端仍可继续发数据（仍要确认），并以自己的 FIN 关闭自己的方向：所以关闭需要四个报文段。' },
  },
  passiveCloserTimeWait: {
    en: { name: 'Expects the passive closer to wait in TIME-WAIT', reteach: 'Only the side that sent the first FIN ends in TIME-WAIT. The passive closer sends its FIN from CLOSE-WAIT, waits in LAST-ACK for its ACK and is then CLOSED: it owes no last ACK.' },
    'zh-Hant': { name: '以為被動關閉的一方也要在 TIME-WAIT 等待', reteach: '只有先送出 FIN 的一方會進入 TIME-WAIT。被動關閉的一方從 CLOSE-WAIT 送出 FIN，在 LAST-ACK 等它的 ACK，然後就 CLOSED：它不欠最後一個 ACK。' },
    'zh-Hans': { name: '以为被动关闭的一方也要在 TIME-WAIT 等待', reteach: '只有先发出 FIN 的一方会进入 TIME-WAIT。被动关闭的一方从 CLOSE-WAIT 发出 FIN，在 LAST-ACK 等它的 ACK，然后就 CLOSED：它不欠最后一个 ACK。' },
  },
  timeWaitIdle: {
    en: { name: 'Thinks TIME-WAIT only waits', reteach: 'TIME-WAIT lasts 2 MSL so that a FIN sent again, because the last ACK was lost, finds someone to ACK it again. A repeated FIN there needs a new ACK.' },
    'zh-Hant': { name: '以為 TIME-WAIT 只是在等', reteach: 'TIME-WAIT 持續 2 MSL，是為了在最後的 ACK 遺失、對方重送 FIN 時，還有人能再確認一次。在那裡重複收到的 FIN 需要新的 ACK。' },
    'zh-Hans': { name: '以为 TIME-WAIT 只是在等', reteach: 'TIME-WAIT 持续 2 MSL，是为了在最后的 ACK 丢失、对方重发 FIN 时，还有人能再确认一次。在那里重复收到的 FIN 需要新的 ACK。' },
  },
  finIsLast: {
    en: { name: 'Sends data after its own FIN, or a FIN before its data', reteach: 'A FIN says "I have nothing more to send": everything the application wants to send goes before it, and nothing new may follow it.' },
    'zh-Hant': { name: '在自己的 FIN 之後送資料，或資料還沒送完就送 FIN', reteach: 'FIN 表示「我沒有資料要送了」：應用程式要送的一切都要在它之前送出，它之後不能再有新資料。' },
    'zh-Hans': { name: '在自己的 FIN 之后发数据，或数据还没发完就发 FIN', reteach: 'FIN 表示“我没有数据要发了”：应用程序要发的一切都要在它之前发出，它之后不能再有新数据。' },
  },
  finVersusRst: {
    en: { name: 'Confuses an orderly close (FIN) with an abort (RST)', reteach: 'A FIN closes in order: data already sent is delivered and the peer answers. An RST aborts at once, with no answer and nothing resent; it is for refusing or giving up a connection.' },
    'zh-Hant': { name: '分不清有序關閉（FIN）和中止（RST）', reteach: 'FIN 是有序關閉：已送出的資料會送達，對方會回應。RST 立即中止，沒有回應也不會重送；它用於拒絕或放棄連線。' },
    'zh-Hans': { name: '分不清有序关闭（FIN）和中止（RST）', reteach: 'FIN 是有序关闭：已发出的数据会送达，对方会回应。RST 立即中止，没有回应也不会重发；它用于拒绝或放弃连接。' },
  },
};

/** What the report says about a misconception in `locale`. */
export function misconceptionText(id: Misconception, locale: Locale): MisconceptionText {
  return TEXTS[id][locale];
}

/** The report's words around the misconceptions: its heading and the class summary's columns. */
export interface MisconceptionHeadings {
  readonly title: string;
  readonly misconception: string;
  readonly students: string;
  readonly moves: string;
  readonly reteach: string;
  /** A student's line: `{count}` moves. */
  readonly times: string;
  readonly none: string;
}

const HEADINGS: Readonly<Record<Locale, MisconceptionHeadings>> = {
  en: {
    title: 'Misconceptions to reteach', misconception: 'Misconception', students: 'Students', moves: 'Wrong moves', reteach: 'What to reteach',
    times: '×{count}', none: 'No wrong move shows a misconception.',
  },
  'zh-Hant': {
    title: '需要重新講解的迷思', misconception: '迷思', students: '學生人數', moves: '錯誤次數', reteach: '重新講解的重點',
    times: '×{count}', none: '沒有任何錯誤顯示出迷思。',
  },
  'zh-Hans': {
    title: '需要重新讲解的误区', misconception: '误区', students: '学生人数', moves: '错误次数', reteach: '重新讲解的要点',
    times: '×{count}', none: '没有任何错误显示出误区。',
  },
};

/** The report's headings for misconceptions in `locale`. */
export function misconceptionHeadings(locale: Locale): MisconceptionHeadings {
  return HEADINGS[locale];
}
