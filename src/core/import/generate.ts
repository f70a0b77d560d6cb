/**
 * A generated Kubernetes manifest of N services for the import benchmark: per service a
 * Deployment and a Service, environment values naming two callees, a database per tenth service,
 * Kafka, and an Istio VirtualService and DestinationRule per fifth service.
 */
export function generateKubernetesManifest(services: number): string {
  const docs: string[] = [];
  const name = (i: number) => `svc-${String(i).padStart(4, '0')}`;
  docs.push(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: kafka }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: kafka } }
    spec: { containers: [{ name: kafka, image: "bitnami/kafka:3.7" }] }`);
  for (let i = 0; i < services; i++) {
    const env = [`{ name: KAFKA_BROKERS, value: "kafka:9092" }`];
    for (const j of [i + 1, i * 7 + 3]) if (j < services && j !== i) env.push(`{ name: S${j}_ADDR, value: "${name(j)}:8080" }`);
    if (i % 10 === 0) env.push(`{ name: DB_URL, value: "postgres://${name(i)}-db:5432/app" }`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name(i)}, namespace: bench }
spec:
  replicas: ${1 + (i % 3)}
  selector: { matchLabels: { app: ${name(i)} } }
  template:
    metadata: { labels: { app: ${name(i)} } }
    spec:
      containers:
        - name: app
          image: "ghcr.io/acme/${name(i)}:1.0"
          readinessProbe: { httpGet: { path: /health, port: 8080 } }
          env:
${env.map((e) => `            - ${e}`).join('\n')}`);
    docs.push(`apiVersion: v1
kind: Service
metadata: { name: ${name(i)}, namespace: bench }
spec:
  type: ${i === 0 ? 'LoadBalancer' : 'ClusterIP'}
  selector: { app: ${name(i)} }
  ports: [{ name: http, port: 8080 }]`);
    if (i % 10 === 0)
      docs.push(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${name(i)}-db }
spec:
  replicas: 1
  template:
    metadata: { labels: { app: ${name(i)}-db } }
    spec: { containers: [{ name: db, image: "postgres:16" }] }`);
    if (i % 5 === 0)
      docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name(i)} }
spec:
  hosts: [${name(i)}]
  http: [{ timeout: 2s, retries: { attempts: 2 }, route: [{ destination: { host: ${name(i)} } }] }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: ${name(i)} }
spec:
  host: ${name(i)}
  trafficPolicy: { outlierDetection: { baseEjectionTime: 30s }, connectionPool: { tcp: { maxConnections: 100 } } }`);
  }
  return `${docs.join('\n---\n')}\n`;
}
