/**
 * The first design a newcomer sees: a realistic, mostly well-built system. Kept as YAML text (not a
 * Design object) so the comments reach the editor and the app and the CLI share one source.
 */
export const foodDeliveryYaml = `# Food delivery platform: a starting point.
# Payments are strongly consistent (a synchronous, idempotent gRPC call); everything that can
# happen later (restaurant acceptance, courier tracking, notifications) flows as events through Kafka.
# What a rules engine should say about it (rules.md):
#   error   timeout-budget           gateway->order: the gateway waits 4 s, but Order's own calls can take
#                                    about 5.3 s (payment alone is allowed 3.5 s)
#   warning missing-circuit-breaker  notification->twilio has no breaker
#   warning single-point-of-failure  user runs one replica behind the gateway
#   warning sync-chain-depth         customer -> gateway -> order -> payment -> stripe is 4 sync hops
#   (hub-service may also flag order: it both fans in and fans out the most)
signalbox: 1
name: Food delivery platform
description: Customers order from restaurants, pay by card, and follow a courier to their door.

nodes:
  customer: { kind: client, name: Customer app, at: [0, 715] }
  restaurantApp: { kind: client, name: Restaurant dashboard, at: [0, 845] }
  courier: { kind: client, name: Courier app, at: [0, 585] }

  gateway:
    kind: gateway
    name: API Gateway
    auth: jwt
    rateLimitRps: 3000
    replicas: 3
    at: [280, 715]

  user:
    kind: service
    name: User
    team: identity
    group: identity
    replicas: 1 # a single replica: every login and address lookup depends on it
    latencyMs: 20
    at: [560, 65]
  order:
    kind: service
    name: Order
    team: ordering
    group: ordering
    replicas: 3
    availability: 99.95
    latencyMs: 40
    outbox: true
    tracing: true
    at: [560, 520]
  menu:
    kind: service
    name: Menu
    team: restaurants
    group: restaurants
    replicas: 2
    latencyMs: 20
    at: [560, 650]
  restaurant:
    kind: service
    name: Restaurant
    team: restaurants
    group: restaurants
    replicas: 2
    latencyMs: 30
    outbox: true
    at: [560, 780]
  delivery:
    kind: service
    name: Delivery
    team: logistics
    group: logistics
    replicas: 3
    latencyMs: 30
    outbox: true
    at: [560, 910]
  pricing:
    kind: service
    name: Pricing
    team: ordering
    group: ordering
    replicas: 2
    latencyMs: 15
    notes: Stateless; quotes fees and promotions from rules it loads at start-up.
    at: [840, 130]
  payment:
    kind: service
    name: Payment
    team: payments
    group: payments
    replicas: 3
    availability: 99.95
    latencyMs: 60
    tracing: true
    at: [840, 325]
  notification:
    kind: service
    name: Notification
    team: engagement
    group: engagement
    replicas: 2
    at: [1400, 650]

  kafka: { kind: broker, name: Kafka, tech: kafka, replicas: 3, at: [1120, 650] }

  userdb: { kind: database, name: Users DB, tech: postgres, group: identity, at: [840, 0] }
  orderdb: { kind: database, name: Orders DB, tech: postgres, group: ordering, at: [840, 520] }
  paymentdb: { kind: database, name: Payments DB, tech: postgres, group: payments, at: [1120, 325] }
  restaurantdb:
    kind: database
    name: Restaurants & menus DB
    tech: postgres
    group: restaurants
    notes: Shared by Restaurant and Menu on purpose; they are one bounded context.
    at: [840, 650]
  deliverydb: { kind: database, name: Deliveries DB, tech: postgis, group: logistics, at: [840, 975] }

  stripe: { kind: external, name: Stripe, availability: 99.99, latencyMs: 400, at: [1120, 195] }
  maps: { kind: external, name: Google Maps Platform, availability: 99.9, latencyMs: 150, at: [1120, 910] }
  twilio: { kind: external, name: Twilio (SMS & push), availability: 99.95, latencyMs: 250, at: [1400, 780] }

links:
  # Clients reach the system only through the gateway.
  - { from: customer, to: gateway, kind: sync, protocol: rest }
  - { from: restaurantApp, to: gateway, kind: sync, protocol: rest }
  - { from: courier, to: gateway, kind: sync, protocol: rest }

  - from: gateway
    to: user
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /users/me", "PUT /users/me/addresses"]
    timeoutMs: 1000
    retry: { max: 2, backoff: exponential, jitter: true, baseMs: 50 }
    breaker: { failureRatePct: 50, openMs: 30000, fallback: profile from the JWT claims }
  - from: gateway
    to: order
    kind: sync
    protocol: rest
    version: v1
    operations: ["POST /orders", "GET /orders/{id}"]
    timeoutMs: 4000 # shorter than what Order may spend on its own calls
    breaker: { failureRatePct: 50, openMs: 30000, fallback: "ask the customer to retry in a minute" }
    bulkhead: { maxConcurrent: 200 }
  - from: gateway
    to: menu
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /restaurants/{id}/menu"]
    timeoutMs: 800
    retry: { max: 2, backoff: exponential, jitter: true, baseMs: 50 }
    breaker: { failureRatePct: 50, openMs: 30000, fallback: cached menu from the CDN }
  - from: gateway
    to: restaurant
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /restaurants/{id}/orders", "POST /restaurants/{id}/orders/{orderId}/accept", "POST /restaurants/{id}/orders/{orderId}/reject"]
    timeoutMs: 1000
    breaker: { failureRatePct: 50, openMs: 30000, fallback: "dashboard shows 'reconnecting'" }
  - from: gateway
    to: delivery
    kind: sync
    protocol: rest
    version: v1
    operations: ["GET /deliveries/{id}", "POST /deliveries/{id}/location", "POST /deliveries/{id}/pickup", "POST /deliveries/{id}/drop-off"]
    timeoutMs: 2500
    breaker: { failureRatePct: 50, openMs: 20000, fallback: last known courier position }

  # Placing an order: price it, check the items, authorise the card, all before answering.
  - from: order
    to: pricing
    kind: sync
    protocol: grpc
    version: v1
    operations: [PricingService/Quote]
    idempotent: true
    timeoutMs: 300
    retry: { max: 2, backoff: exponential, jitter: true, baseMs: 50 }
    breaker: { failureRatePct: 50, openMs: 15000, fallback: list price without promotions }
  - from: order
    to: menu
    kind: sync
    protocol: grpc
    version: v1
    operations: [MenuService/GetItems]
    timeoutMs: 400
    breaker: { failureRatePct: 50, openMs: 15000, fallback: reject items not in the cached menu }
  - from: order
    to: payment
    kind: sync
    protocol: grpc
    version: v1
    operations: [PaymentService/Authorize]
    idempotent: true # the order id is the idempotency key
    timeoutMs: 3500
    breaker: { failureRatePct: 40, openMs: 30000, fallback: "refuse the order: payments are unavailable" }
    bulkhead: { maxConcurrent: 40 }
  - { from: order, to: orderdb, kind: sync, protocol: sql, timeoutMs: 300 }
  - from: order
    to: kafka
    kind: async
    channel: order.placed
    pattern: event
    message:
      name: OrderPlaced
      version: 1
      compatibility: backward
      schema:
        type: object
        required: [orderId, restaurantId, items, total]
        properties:
          orderId: { type: string }
          restaurantId: { type: string }
          items: { type: array, items: { type: object, properties: { menuItemId: { type: string }, quantity: { type: integer } } } }
          total: { type: number }

  - from: payment
    to: stripe
    kind: sync
    protocol: rest
    version: "2024-06-20"
    operations: ["POST /v1/payment_intents", "POST /v1/payment_intents/{id}/cancel"]
    idempotent: true # Stripe Idempotency-Key header
    timeoutMs: 1200
    retry: { max: 1, backoff: exponential, jitter: true, baseMs: 200 }
    breaker: { failureRatePct: 50, openMs: 60000, fallback: decline with 'try another card later' }
  - { from: payment, to: paymentdb, kind: sync, protocol: sql, timeoutMs: 300 }

  - { from: user, to: userdb, kind: sync, protocol: sql, timeoutMs: 200 }
  - { from: menu, to: restaurantdb, kind: sync, protocol: sql, timeoutMs: 200 }
  - { from: restaurant, to: restaurantdb, kind: sync, protocol: sql, timeoutMs: 200 }

  # The restaurant sees the order, then accepts or rejects it.
  - from: kafka
    to: restaurant
    kind: async
    channel: order.placed
    delivery: at-least-once
    idempotent: true
    dlq: order.placed.dlq
    consumerGroup: restaurant
    retry: { max: 5, backoff: exponential, jitter: true, baseMs: 200 }
  - from: restaurant
    to: kafka
    kind: async
    channel: order.accepted
    pattern: event
    message:
      name: OrderAccepted
      version: 1
      compatibility: backward
      schema:
        type: object
        required: [orderId, readyInMinutes]
        properties: { orderId: { type: string }, readyInMinutes: { type: integer } }
  - from: restaurant
    to: kafka
    kind: async
    channel: order.rejected
    pattern: event
    message:
      name: OrderRejected
      version: 1
      compatibility: backward
      schema:
        type: object
        required: [orderId, reason]
        properties: { orderId: { type: string }, reason: { type: string } }

  - from: kafka
    to: order
    kind: async
    channel: order.accepted
    idempotent: true
    dlq: order.accepted.dlq
    consumerGroup: order
    retry: { max: 5, backoff: exponential, jitter: true, baseMs: 200 }
  - from: kafka
    to: delivery
    kind: async
    channel: order.accepted
    idempotent: true
    dlq: order.accepted.dlq
    consumerGroup: delivery
    retry: { max: 5, backoff: exponential, jitter: true, baseMs: 200 }
  - from: kafka
    to: notification
    kind: async
    channel: order.accepted
    delivery: at-least-once
    idempotent: true
    dlq: order.accepted.dlq
    consumerGroup: notification
  - from: kafka
    to: order
    kind: async
    channel: order.rejected
    idempotent: true
    dlq: order.rejected.dlq
    consumerGroup: order
  - from: kafka
    to: payment
    kind: async
    channel: order.rejected
    idempotent: true
    dlq: order.rejected.dlq
    consumerGroup: payment
    retry: { max: 8, backoff: exponential, jitter: true, baseMs: 500 }
    notes: Voids the card authorisation; must never be lost.

  # Courier tracking: positions come in over REST, go out as events.
  - from: delivery
    to: maps
    kind: sync
    protocol: rest
    operations: ["GET /maps/api/distancematrix/json"]
    timeoutMs: 800
    retry: { max: 1, backoff: exponential, jitter: true, baseMs: 100 }
    breaker: { failureRatePct: 50, openMs: 30000, fallback: straight-line ETA }
  - { from: delivery, to: deliverydb, kind: sync, protocol: sql, timeoutMs: 300 }
  - from: delivery
    to: kafka
    kind: async
    channel: delivery.status
    pattern: event
    message:
      name: DeliveryStatusChanged
      version: 2
      compatibility: backward
      schema:
        type: object
        required: [deliveryId, orderId, status]
        properties:
          deliveryId: { type: string }
          orderId: { type: string }
          status: { type: string, enum: [courier-assigned, picked-up, nearby, delivered] }
          etaMinutes: { type: integer }
  - from: kafka
    to: order
    kind: async
    channel: delivery.status
    idempotent: true
    dlq: delivery.status.dlq
    consumerGroup: order
  - from: kafka
    to: notification
    kind: async
    channel: delivery.status
    idempotent: true
    dlq: delivery.status.dlq
    consumerGroup: notification

  - from: notification
    to: twilio
    kind: sync
    protocol: rest
    operations: ["POST /2010-04-01/Accounts/{sid}/Messages.json"]
    timeoutMs: 2000
    notes: No breaker yet; when Twilio slows down, notification consumers stall.

flows:
  - name: Place order
    saga: choreography
    steps:
      - { link: gateway->order, compensation: mark the order rejected and tell the customer }
      - { link: order->pricing, readOnly: true }
      - { link: order->menu, readOnly: true }
      - { link: order->payment, compensation: void the card authorisation }
      - { link: payment->stripe, compensation: cancel the PaymentIntent }
      - { link: "order->kafka:order.placed", compensation: "the restaurant's order.rejected undoes it" }
      - { link: "kafka->restaurant:order.placed", compensation: remove it from the kitchen queue }
      - { link: "restaurant->kafka:order.accepted", pivot: true } # the kitchen starts cooking: no way back
      - { link: "kafka->order:order.accepted" }
      - { link: "kafka->delivery:order.accepted" }
      - { link: "kafka->notification:order.accepted" }
  - name: Track delivery
    steps:
      - { link: courier->gateway }
      - { link: gateway->delivery }
      - { link: delivery->maps, readOnly: true }
      - { link: "delivery->kafka:delivery.status" }
      - { link: "kafka->notification:delivery.status" }
      - { link: notification->twilio }
`;
