import { strToU8 } from 'fflate';

/**
 * The s1 priming text: before a link's first byte, the compressor (cm.ts) learns this text as if
 * it had coded it, so the words designs repeat cost a few bits instead of their letters (large
 * designs, coded with deflate, use it as deflate's preset dictionary). What it holds: the
 * format's own vocabulary (the compact form's key shapes, kinds, protocols, techs), JSON Schema
 * words, REST and gRPC operation shapes, generic service, entity and channel words, common English
 * words of architecture notes, and a small made-up design in compact form. It holds no sentence,
 * node name, flow name or channel of any template or fixture (share.test.ts checks that no
 * three-word phrase of theirs is in here), so it favours no one design.
 *
 * FROZEN: part of link format s1; a link made with one text opens only with the same one (its
 * CRC is pinned in share.test.ts).
 */
const S1_WORDS: readonly string[] = [
  // Techs and vendors.
  'elasticsearch opensearch cassandra dynamodb cosmosdb firestore mongodb mysql mariadb sqlite clickhouse snowflake bigquery ',
  's3 minio memcached redis postgis postgres rabbitmq activemq pulsar kinesis eventbridge pubsub nats sqs sns kafka ',
  'Stripe Adyen PayPal Braintree Twilio SendGrid Mailgun Firebase Auth0 Okta Keycloak Salesforce Shopify Google Maps Mapbox ',
  // JSON Schema.
  '{"type":"string","format":"date-time"}{"type":"string","format":"uuid"}{"type":"string","format":"email"}',
  '"description":"","minimum":0,"additionalProperties":false,"enum":["',
  '{"type":"boolean"}{"type":"array","items":{"type":"object","properties":{"',
  '"currency":{"type":"string"},"amount":{"type":"number"},"quantity":{"type":"integer"},"price":{"type":"number"},',
  '"createdAt":{"type":"string"},"timestamp":{"type":"string"},"eventId":{"type":"string"},"productId":{"type":"string"},',
  '"userId":{"type":"string"},"customerId":{"type":"string"},"paymentId":{"type":"string"},"status":{"type":"string"},',
  '"reason":{"type":"string"},"items":{"type":"array"},"total":{"type":"number"},"orderId":{"type":"string"}',
  '{"type":"integer"}{"type":"number"}{"type":"string"}},"required":["',
  '"c":{"type":"object","required":["orderId","',
  '"properties":{"',
  // Operations.
  '"DELETE /","PATCH /","PUT /","GET /","POST /',
  'Service/Get","Service/List","Service/Create","Service/Update","Service/Delete",',
  '"GET /health","GET /api/v1/","/{id}","/{id}/status","/me","/search",',
  // Entities, services, teams and channels.
  'analytics audit reporting recommendation review rating search fraud risk loyalty promotion coupon discount ',
  'subscription billing invoice ledger accounting wallet refund checkout cart basket catalog product stock warehouse ',
  'fulfilment fulfillment shipment shipping tracking location courier driver dispatch kitchen ticket booking ',
  'reservation account profile identity customer consumer merchant partner admin ',
  ' Service Worker Scheduler Gateway BFF Admin console Web app Mobile app Partner API dashboard & ',
  ' Search Inventory Catalog Cart Checkout Shipping Billing Customer Account Auth Identity Notification Email SMS push ',
  ' Analytics Events Audit Reports Users Orders Payments Products DB Cache Queue Topic Bus Warehouse ',
  '.created.updated.deleted.cancelled.completed.failed.confirmed.shipped.delivered.refunded.expired.changed.requested',
  '.status.reserved.released.authorized.captured.paid.placed.accepted.rejected.dlq.events.commands.retry',
  'user.registered customer.created payment.completed payment.failed inventory.reserved stock.reserved shipment.',
  'Created Updated Deleted Cancelled Completed Failed Placed Accepted Rejected Changed Requested Reserved',
  'Event Command Status',
  // Frequent English words of notes, fallbacks and compensations.
  ' about after again all also an any are as ask at back be because before being both but by can cannot could does done ',
  'down each either even every first for get gets give has have here how if into is it its just keep last later less ',
  'let like long make many may more most much need needs never new next no not now of off old on once one only or other ',
  'our out over own per same see should shows since so some still such take than that the their them then there these ',
  'they this those through to too try two under until up us use used uses very was way we were what when where which ',
  'while who why will with within without would yet you your ',
  ' error errors unavailable available slow slows down fails failed stale cached copy local list price fee fees rules ',
  ' load loads start-up startup stateless owns shared purpose bounded context consumers consumer stall stalls lost ',
  ' position estimate ETA known items item card authorisation authorization intent session token claims profile ',
  ' accept reject undo undoes remove add update create delete send receive publish consume subscribe poll call calls ',
  ' cached fallback default retry later timeout circuit breaker idempotency key queue stale last known no breaker yet ',
  ' undo it: refund the charge, put the stock back, cancel the booking and email the user; retry later or give up ',
  ' Sign up Log in Refund Pay Book Return Ship Search Browse ',
  // Generic notes of the kind designs carry (written for this text, in no template).
  '"d":"Owns the account data; other services read it only through its API.","e":"Consumers must be ',
  'idempotent: the broker may deliver a message twice.","e":"No timeout yet; a slow partner blocks the caller.',
  '","c":"serve the last cached copy","c":"return an empty list","c":"show a friendly error and ask the user to try ',
  'again","c":"queue the request and answer later","b":"refund the charge","b":"release the reserved items","b":',
  '"cancel the shipment and email the user","b":"delete the draft","b":"undo the booking",',
  // The compact form (compact.ts): node, link, retry, breaker, step shapes; ids and names.
  'payment","restaurant","delivery","inventory","shipping","notification","order","user","gateway","web","mobile',
  'payments","restaurants","logistics","ordering","identity","engagement","platform","checkout","catalog',
  // A small online shop in compact form (written for this dictionary; no template's text): the
  // shapes every design repeats, closest to the end.
  '{"b":"Online shop","c":"Browse, add to cart, check out and ship.","d":{"web":{"a":0,"b":"Web app","c":[0,4]},"',
  'mobile":{"a":0,"b":"Mobile app","c":[0,8]},"gateway":{"a":1,"b":"API Gateway","c":[5,6],"h":2,"q":1,"r":1000},',
  '"catalog":{"b":0,"c":[10,2],"f":0,"g":"catalog","h":2,"j":20},"cart":{"b":0,"c":[10,5],"f":0,"g":"checkout","h',
  '":2,"j":10},"checkout":{"b":0,"c":[10,8],"f":0,"g":"checkout","h":3,"i":99.9,"j":50,"l":true,"o":true},"invent',
  'ory":{"b":0,"c":[15,8],"f":0,"g":"fulfilment","h":2,"j":30,"l":true},"shipping":{"b":0,"c":[15,11],"g":"fulfil',
  'ment","h":2},"email":{"b":0,"c":[20,11],"g":"engagement","h":1},"rabbitmq":{"a":3,"b":"RabbitMQ","c":[20,8],"h',
  '":3,"k":"rabbitmq"},"catalogdb":{"a":4,"b":"Catalog DB","c":[15,2],"f":"catalog","k":"postgres"},"cartcache":{',
  '"a":4,"b":"Cart cache","c":[15,5],"f":"checkout","k":"redis"},"stripe":{"a":5,"b":0,"c":[15,14],"i":99.99,"j":',
  '300}},"e":[{"b":0,"c":2,"f":0},{"b":1,"c":2,"f":0},{"b":2,"c":3,"f":0,"g":"v1","h":["GET /products","GET /prod',
  'ucts/{id}"],"i":1000,"j":{"a":2,"b":2,"c":true,"d":50},"k":{"a":50,"b":30000,"c":"cached products"}},{"b":2,"c',
  '":4,"f":0,"g":"v1","h":["GET /carts/{id}","POST /carts/{id}/items"],"i":500,"k":{"a":50,"b":30000,"c":"empty c',
  'art"}},{"b":2,"c":5,"f":0,"g":"v1","h":["POST /orders"],"i":3000,"k":{"a":50,"b":30000,"c":"try again later"},',
  '"l":{"a":100}},{"b":5,"c":6,"f":1,"g":"v1","h":["InventoryService/Reserve"],"i":300,"j":{"a":3,"b":2,"c":true,',
  '"d":100},"m":true},{"b":5,"c":12,"f":0,"h":["POST /v1/charges"],"i":2000,"k":{"a":50,"b":60000},"m":true},{"b"',
  ':3,"c":10,"f":6,"i":200},{"b":4,"c":11,"i":100},{"b":5,"c":9,"d":1,"o":"order.created","p":{"a":0,"b":1,"c":{"',
  'type":"object","required":["orderId","total"],"properties":{"orderId":{"type":"string"},"total":{"type":"numbe',
  'r"}}},"d":0},"t":0},{"b":9,"c":7,"d":1,"j":{"a":5,"b":2,"c":true,"d":200},"m":true,"o":"order.created","q":1,"',
  'r":0,"s":0},{"b":9,"c":8,"d":1,"m":true,"o":"order.created","r":0,"s":0}],"f":[{"a":"Check out","b":0,"c":[{"a',
  '":4,"b":"cancel the order"},{"a":5,"b":"release the stock"},{"a":6,"d":true},9,10,{"a":7,"c":true}]}],"g":{"sy',
  'nc-chain-depth":{"a":3},"hub-service":0},"G":50}',
];

export const S1_DICTIONARY: Uint8Array = strToU8(S1_WORDS.join(''));
