import { Parser } from '@asyncapi/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { asyncApiDocument, getBrokerProtocol } from './asyncapi';
import { getTestDesigns, nastyDesign } from './testDesigns';

const parser = new Parser();

/** Errors only (severity 0): the validator also advises upgrading to 3.1, which is not a defect. */
async function asyncApiErrors(text: string): Promise<string[]> {
  const diagnostics = await parser.validate(text);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
}

const DESIGN: Design = {
  signalbox: 1,
  name: 'Orders',
  nodes: {
    order: { kind: 'service', name: 'Order' },
    pay: { kind: 'service', name: 'Payment' },
    bus: { kind: 'broker', name: 'Kafka', tech: 'kafka' },
  },
  links: [
    {
      from: 'order',
      to: 'bus',
      kind: 'async',
      channel: 'order.created',
      message: { name: 'OrderCreated', version: 2, schema: { type: 'object', properties: { id: { type: 'string' } } } },
    },
    {
      from: 'bus',
      to: 'pay',
      kind: 'async',
      channel: 'order.created',
      consumerGroup: 'payment',
      dlq: 'order.created.dlq',
      delivery: 'at-least-once',
      idempotent: true,
    },
  ],
};

describe('asyncApiDocument', () => {
  it('maps brokers, channels, messages, operations, dead letters and consumer groups', async () => {
    const { document, text } = asyncApiDocument(DESIGN);
    expect(await asyncApiErrors(text)).toEqual([]);
    expect(document).toMatchInlineSnapshot(`
      {
        "asyncapi": "3.0.0",
        "channels": {
          "orderCreated": {
            "address": "order.created",
            "messages": {
              "orderCreatedV2": {
                "$ref": "#/components/messages/orderCreatedV2",
              },
            },
            "servers": [
              {
                "$ref": "#/servers/bus",
              },
            ],
          },
          "orderCreatedDlq": {
            "address": "order.created.dlq",
            "messages": {
              "orderCreatedV2": {
                "$ref": "#/components/messages/orderCreatedV2",
              },
            },
            "servers": [
              {
                "$ref": "#/servers/bus",
              },
            ],
            "x-signalbox-dlq-of": "order.created",
          },
        },
        "components": {
          "messages": {
            "orderCreatedV2": {
              "contentType": "application/json",
              "name": "OrderCreated",
              "payload": {
                "properties": {
                  "id": {
                    "type": "string",
                  },
                },
                "type": "object",
              },
              "title": "OrderCreated",
              "x-signalbox-version": 2,
            },
          },
        },
        "defaultContentType": "application/json",
        "info": {
          "title": "Orders",
          "version": "1.0.0",
        },
        "operations": {
          "orderSendOrderCreated": {
            "action": "send",
            "channel": {
              "$ref": "#/channels/orderCreated",
            },
            "messages": [
              {
                "$ref": "#/channels/orderCreated/messages/orderCreatedV2",
              },
            ],
            "title": "Order publishes to order.created",
            "x-signalbox-node": "order",
          },
          "payReceiveOrderCreated": {
            "action": "receive",
            "bindings": {
              "kafka": {
                "bindingVersion": "0.5.0",
                "groupId": {
                  "enum": [
                    "payment",
                  ],
                  "type": "string",
                },
              },
            },
            "channel": {
              "$ref": "#/channels/orderCreated",
            },
            "messages": [
              {
                "$ref": "#/channels/orderCreated/messages/orderCreatedV2",
              },
            ],
            "title": "Payment consumes order.created",
            "x-signalbox-consumer-group": "payment",
            "x-signalbox-delivery": "at-least-once",
            "x-signalbox-dlq": "order.created.dlq",
            "x-signalbox-idempotent": true,
            "x-signalbox-node": "pay",
          },
          "paySendOrderCreatedDlq": {
            "action": "send",
            "channel": {
              "$ref": "#/channels/orderCreatedDlq",
            },
            "messages": [
              {
                "$ref": "#/channels/orderCreatedDlq/messages/orderCreatedV2",
              },
            ],
            "title": "Payment publishes to order.created.dlq",
            "x-signalbox-node": "pay",
          },
        },
        "servers": {
          "bus": {
            "host": "bus.internal:9092",
            "protocol": "kafka",
            "title": "Kafka",
            "x-signalbox-node": "bus",
            "x-signalbox-tech": "kafka",
          },
        },
      }
    `);
  });

  it('the validator is real: a broken consumer-group binding is an error', async () => {
    const { document } = asyncApiDocument(DESIGN);
    const operations = document.operations as Record<string, { bindings?: { kafka: { groupId: unknown } } }>;
    operations.payReceiveOrderCreated!.bindings!.kafka.groupId = 42;
    expect(await asyncApiErrors(JSON.stringify(document))).not.toEqual([]);
  });

  it('picks the protocol from the broker tech, with AMQP for an unknown broker', () => {
    const protocol = (tech: string) => getBrokerProtocol({ kind: 'broker', name: 'Broker', tech }).protocol;
    expect(['kafka', 'RabbitMQ', 'nats', 'sqs', 'SNS', 'Google Pub/Sub', 'mqtt', 'zeromq'].map(protocol)).toEqual([
      'kafka',
      'amqp',
      'nats',
      'sqs',
      'sns',
      'googlepubsub',
      'mqtt',
      'amqp',
    ]);
  });

  it.each(getTestDesigns())('$id: validates with @asyncapi/parser', async ({ design }) => {
    const { document, text } = asyncApiDocument(design);
    expect(await asyncApiErrors(text)).toEqual([]);
    const addresses = Object.values(document.channels as Record<string, { address: string }>).map((c) => c.address);
    for (const link of design.links) if (link.kind === 'async' && link.channel) expect(addresses).toContain(link.channel);
  });

  it('validates for any channel, message and consumer group name, and keeps them as written', async () => {
    await fc.assert(
      fc.asyncProperty(nastyDesign, async (design) => {
        const { document, text } = asyncApiDocument(design);
        expect(await asyncApiErrors(text)).toEqual([]);
        const consume = design.links[4]!;
        const channels = Object.values(document.channels as Record<string, { address: string; 'x-signalbox-dlq-of'?: string }>);
        expect(channels.map((c) => c.address)).toEqual([consume.channel, consume.dlq]);
        expect(channels[1]!['x-signalbox-dlq-of']).toBe(consume.channel);
        const messages = Object.values((document.components as { messages: Record<string, { name: string }> }).messages);
        expect(messages.map((m) => m.name)).toEqual([design.links[3]!.message!.name]);
        expect(text).toContain('groupId');
      }),
      // The validator takes about a second per document: fewer runs, each one a full design of nasty names.
      { numRuns: 15 },
    );
  }, 120_000);
});
