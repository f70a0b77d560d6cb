import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

const nodes = { order: service(), payment: service(), bus: broker() };
const command = async('order', 'bus', {
  channel: 'payment.authorize',
  pattern: 'command',
  message: { name: 'AuthorizePayment' },
});
const consume = async('bus', 'payment', { channel: 'payment.authorize', pattern: 'command' });
const reply = async('payment', 'bus', { channel: 'payment.authorized' });
const replyIn = async('bus', 'order', { channel: 'payment.authorized' });
const steps = [{ link: 'order->bus:payment.authorize' }, { link: 'bus->payment:payment.authorize' }];

describe('command-without-reply', () => {
  it('reports a saga command whose receiver answers nothing the sender consumes', () => {
    const design = makeDesign(nodes, [command, consume], { flows: [{ name: 'Checkout', saga: 'orchestration', steps }] });
    const findings = findingsOf(design, 'command-without-reply');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'payment'], links: ['order->bus:payment.authorize'] },
    ]);
    expect(findings[0]!.message).toBe(
      'Order sends the command AuthorizePayment in "Checkout" but Payment publishes no reply or status Order consumes',
    );
  });

  it('stays silent with a reply channel, for an event, or when the flow does not need the answer', () => {
    const replied = makeDesign(nodes, [command, consume, reply, replyIn], {
      flows: [{ name: 'Checkout', saga: 'orchestration', steps }],
    });
    expect(findingsOf(replied, 'command-without-reply')).toEqual([]);
    const event = makeDesign(
      nodes,
      [
        { ...command, pattern: 'event' },
        { ...consume, pattern: 'event' },
      ],
      {
        flows: [{ name: 'Checkout', saga: 'orchestration', steps }],
      },
    );
    expect(findingsOf(event, 'command-without-reply')).toEqual([]);
    const fireAndForget = makeDesign(nodes, [command, consume], { flows: [{ name: 'Checkout', steps }] });
    expect(findingsOf(fireAndForget, 'command-without-reply')).toEqual([]);
  });

  it('fires in a plain flow when the sender acts again after the command', () => {
    const design = makeDesign({ ...nodes, stock: service() }, [command, consume, async('order', 'stock', { channel: 'x' })], {
      flows: [{ name: 'Checkout', steps: [...steps, { link: 'order->stock:x' }] }],
    });
    expect(findingsOf(design, 'command-without-reply')).toHaveLength(1);
  });
});
