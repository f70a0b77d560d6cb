/**
 * A small shop with a few realistic flaws left in, so the findings panel has something to teach.
 * YAML text rather than a Design object: the comments reach the editor.
 */
export const ecommerceYaml = `# E-commerce platform: a small shop.
# Orders check the customer over REST; stock is reserved through Kafka events.
# What a rules engine should say about it (rules.md):
#   error   missing-dlq              kafka->order:inventory.updated has no dead-letter channel
#   warning missing-circuit-breaker  gateway->inventory has no breaker
#   warning dual-write               order writes Orders DB and publishes without an outbox
#   warning retry-without-backoff    kafka->inventory:order.placed retries with fixed backoff, no jitter
#   warning sync-chain-depth         web -> gateway -> order -> user -> userdb is 4 sync hops
signalbox: 1
name: E-commerce platform
description: A web shop with users, orders and stock kept in step by events.

nodes:
  web: { kind: client, name: Web shop, at: [0, 260] }
  gateway: { kind: gateway, name: API Gateway, auth: oauth2, rateLimitRps: 1000, replicas: 2, at: [280, 260] }

  user:
    kind: service
    name: User
    team: accounts
    replicas: 2
    latencyMs: 20
    at: [560, 0]
  order:
    kind: service
    name: Order
    team: checkout
    replicas: 3
    latencyMs: 50
    at: [560, 260]
  inventory:
    kind: service
    name: Inventory
    team: catalog
    replicas: 2
    latencyMs: 25
    outbox: true
    at: [560, 520]

  userdb: { kind: database, name: Users DB, tech: postgres, at: [840, 0] }
  orderdb: { kind: database, name: Orders DB, tech: postgres, at: [840, 195] }
  kafka: { kind: broker, name: Kafka, tech: kafka, replicas: 3, at: [840, 390] }
  inventorydb: { kind: database, name: Inventory DB, tech: mongodb, at: [840, 585] }

links:
  - { from: web, to: gateway, kind: sync, protocol: rest }
  - from: gateway
    to: user
    kind: sync
    protocol: rest
    version: v1
    operations: ["POST /users", "GET /users/{id}"]
    timeoutMs: 1000
    breaker: { failureRatePct: 50, openMs: 30000, fallback: sign-up temporarily unavailable }
  - from: gateway
    to: order
    kind: sync
    protocol: rest
    version: v1
    operations: ["POST /orders", "GET /orders/{id}"]
    timeoutMs: 3000
    breaker: { failureRatePct: 50, openMs: 30000, fallback: "checkout is busy, try again" }
  - from: gateway
    to: inventory
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /products/{sku}/stock"]
    timeoutMs: 800
    retry: { max: 2, backoff: exponential, jitter: true, baseMs: 50 }
    notes: No breaker; a slow inventory holds gateway threads.

  # Order checks the customer synchronously before taking the order.
  - from: order
    to: user
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /users/{id}"]
    timeoutMs: 500
    retry: { max: 2, backoff: exponential, jitter: true, baseMs: 100 }
    breaker: { failureRatePct: 50, openMs: 20000, fallback: accept the order and verify the customer later }

  - { from: user, to: userdb, kind: sync, protocol: sql, timeoutMs: 200 }
  - { from: order, to: orderdb, kind: sync, protocol: sql, timeoutMs: 300 }
  - { from: inventory, to: inventorydb, kind: sync, protocol: sql, timeoutMs: 300 }

  # Stock reservation by events; Order writes its DB and publishes without an outbox.
  - from: order
    to: kafka
    kind: async
    channel: order.placed
    message:
      name: OrderPlaced
      version: 1
      compatibility: backward
      schema:
        type: object
        required: [orderId, lines]
        properties:
          orderId: { type: string }
          lines: { type: array, items: { type: object, properties: { sku: { type: string }, quantity: { type: integer } } } }
  - from: kafka
    to: inventory
    kind: async
    channel: order.placed
    idempotent: true
    dlq: order.placed.dlq
    consumerGroup: inventory
    retry: { max: 3, backoff: fixed, baseMs: 1000 }
  - from: inventory
    to: kafka
    kind: async
    channel: inventory.updated
    message:
      name: InventoryUpdated
      version: 1
      compatibility: backward
      schema:
        type: object
        required: [sku, available]
        properties: { sku: { type: string }, available: { type: integer }, orderId: { type: string } }
  - from: kafka
    to: order
    kind: async
    channel: inventory.updated
    idempotent: true
    consumerGroup: order
    notes: No dead-letter channel; a poison message blocks the partition.

flows:
  - name: Checkout
    steps:
      - { link: web->gateway }
      - { link: gateway->order }
      - { link: order->user, readOnly: true }
      - { link: order->orderdb }
      - { link: "order->kafka:order.placed" }
      - { link: "kafka->inventory:order.placed" }
      - { link: "inventory->kafka:inventory.updated" }
      - { link: "kafka->order:inventory.updated" }
`;
