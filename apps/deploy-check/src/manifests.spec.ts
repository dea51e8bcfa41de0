import { deadLetterTopic, ServiceNames, Topics } from '@aftercare/event-contracts';
import { databaseConfigFor } from '@aftercare/persistence';
import { deploymentViolations, secretViolations } from './policy';
import { environments, KubernetesObject, objectName, render, services, units } from './render';
import { schemaValidator } from './schemas';

const validate = schemaValidator();

function schemaFailures(objects: KubernetesObject[]): string[] {
  return objects.flatMap((object) => {
    try {
      validate(object);
      return [];
    } catch (error) {
      return [`${objectName(object)}: ${(error as Error).message}`];
    }
  });
}

const copy = <T>(value: T): T => structuredClone(value);
const find = (objects: KubernetesObject[], kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not rendered`);
  return found;
};

describe.each(environments)('deploy/kubernetes/overlays/%s', (environment) => {
  const all = render(`overlays/${environment}`);

  it('renders with kubectl kustomize, and every object passes its schema', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(schemaFailures(all)).toEqual([]);
  });

  it('is the sum of its units, each of which renders on its own into the namespace of the environment', () => {
    const namespace = environment === 'prod' ? 'aftercare' : 'aftercare-dev';
    const byUnit = units.map((unit) => render(`overlays/${environment}/${unit}`));
    expect(byUnit.flat().map(objectName).sort()).toEqual(all.map(objectName).sort());
    for (const object of all) expect([objectName(object), object.metadata.namespace]).toEqual([objectName(object), namespace]);
    // Nothing of the shared shape's placeholders is left after each service's values were written in.
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/"app\.kubernetes\.io\/name":"subgraph|subgraph_database|"subgraph-|"aftercare\.subgraph"|aftercare\/subgraph/);
  });

  it('meets the deployment policy: probes, resources, non-root read-only pods, PDB, NetworkPolicy, ServiceMonitor, KEDA, migration Job', () => {
    expect(deploymentViolations(all, services)).toEqual([]);
  });

  it('keeps every secret in Secrets: referenced, never written', () => {
    expect(secretViolations(all)).toEqual([]);
    const secretsRead = new Set(
      all.flatMap((object) =>
        (object.spec?.template?.spec?.containers ?? []).flatMap((container: { env?: { valueFrom?: { secretKeyRef?: { name: string } } }[] }) =>
          (container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean),
        ),
      ),
    );
    expect([...secretsRead].sort()).toEqual(
      ['gateway-public-keys', 'gateway-secrets', 'redis-auth', ...services.map((service) => `${service}-database`)].sort(),
    );
  });

  it('declares Kafka for Strimzi: KRaft, three brokers, replication factor 3, min.insync.replicas 2, the topics of libs/event-contracts', () => {
    const kafka = find(all, 'Kafka', 'aftercare-kafka');
    expect(kafka.spec.kafka.config).toMatchObject({ 'default.replication.factor': 3, 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3 });
    const pools = all.filter((object) => object.kind === 'KafkaNodePool' && object.metadata.labels?.['strimzi.io/cluster'] === 'aftercare-kafka');
    const replicasWithRole = (role: string) => pools.filter((pool) => pool.spec.roles.includes(role)).reduce((sum, pool) => sum + pool.spec.replicas, 0);
    expect({ brokers: replicasWithRole('broker'), controllers: replicasWithRole('controller') }).toEqual({ brokers: 3, controllers: 3 });

    // A topic a service creates itself (libs/messaging topics-admin) gets the same replication as the declared ones.
    for (const service of services) {
      expect([service, find(all, 'ConfigMap', `${service}-config`).data]).toEqual([
        service,
        expect.objectContaining({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' }),
      ]);
    }

    const topics = all.filter((object) => object.kind === 'KafkaTopic');
    const expected = [...Object.values(Topics), ...ServiceNames.map((service) => deadLetterTopic(service))];
    expect(topics.map((topic) => topic.metadata.name).sort()).toEqual([...expected].sort());
    for (const topic of topics) {
      expect([topic.metadata.name, topic.spec.replicas, topic.spec.config['min.insync.replicas'], topic.metadata.labels?.['strimzi.io/cluster']]).toEqual([
        topic.metadata.name,
        3,
        2,
        'aftercare-kafka',
      ]);
    }
    // KEDA never scales a service past the partitions of the topics it consumes: an instance more would sit idle.
    const partitions = Math.min(...Object.values(Topics).map((name) => find(all, 'KafkaTopic', name).spec.partitions));
    for (const scaledObject of all.filter((object) => object.kind === 'ScaledObject')) {
      expect([scaledObject.metadata.name, scaledObject.spec.maxReplicaCount <= partitions]).toEqual([scaledObject.metadata.name, true]);
    }
  });

  it('declares PostgreSQL for CloudNativePG: three instances, a database and a login of its own per service, the login the service reads', () => {
    const cluster = find(all, 'Cluster', 'aftercare-postgres');
    expect(cluster.spec.instances).toBe(3);
    const roles: { name: string; login: boolean; passwordSecret: { name: string } }[] = cluster.spec.managed.roles;
    for (const service of services) {
      const database = all.find((object) => object.kind === 'Database' && object.spec.name === databaseConfigFor(service.replace(/-/g, '_'), {}).database);
      expect(database?.spec.cluster.name).toBe('aftercare-postgres');
      const role = roles.find((candidate) => candidate.name === database?.spec.owner);
      expect(role).toMatchObject({ login: true, passwordSecret: { name: `${service}-database` } });
      const url = find(all, 'Deployment', service).spec.template.spec.containers[0].env.find((variable: { name: string }) => variable.name === 'DATABASE_URL');
      expect(url.value).toBe(`postgres://$(DATABASE_USER):$(DATABASE_PASSWORD)@aftercare-postgres-rw:5432/${database?.spec.name}`);
    }
    // Only one database per service: no service shares another's.
    expect(new Set(all.filter((object) => object.kind === 'Database').map((database) => database.spec.owner)).size).toBe(services.length);
  });

  it("routes the gateway to every subgraph's Service and its rate limits to the shared Redis", () => {
    const config = find(all, 'ConfigMap', 'gateway-config').data;
    for (const service of services) {
      const serviceObject = find(all, 'Service', service);
      expect(config[`SUBGRAPH_URL_${service.replace(/-/g, '_').toUpperCase()}`]).toBe(`http://${serviceObject.metadata.name}/graphql`);
      expect(serviceObject.spec.ports[0].port).toBe(80);
    }
    const gateway = find(all, 'Deployment', 'gateway').spec.template.spec.containers[0];
    expect(gateway.env.find((variable: { name: string }) => variable.name === 'REDIS_URL').value).toBe('redis://:$(REDIS_PASSWORD)@redis:6379');
    expect(find(all, 'Service', 'redis').spec.ports[0].port).toBe(6379);
  });
});

describe('the checks catch what they are there for', () => {
  const prod = render('overlays/prod');

  it('a mistyped field fails the schema (core kinds, KEDA, Prometheus Operator), and a misspelt one too (Strimzi, CloudNativePG)', () => {
    const deployment = copy(find(prod, 'Deployment', 'sales'));
    deployment.spec.replicas = 'three';
    // kubernetes-models checks types, enums and required fields but, like the API server outside strict field
    // validation, not unknown names: a misspelt probe is caught by the policy (it asserts the probes), not here.
    const misspeltProbe = copy(find(prod, 'Deployment', 'gateway'));
    const gatewayContainer = misspeltProbe.spec.template.spec.containers[0];
    gatewayContainer.readinesProbe = gatewayContainer.readinessProbe;
    delete gatewayContainer.readinessProbe;
    expect(deploymentViolations([...prod.filter((object) => object !== find(prod, 'Deployment', 'gateway')), misspeltProbe], services)).toEqual([
      'Deployment/gateway gateway: readiness probe is not GET /health/ready',
    ]);
    const scaledObject = copy(find(prod, 'ScaledObject', 'sales'));
    scaledObject.spec.minReplicaCount = 'two';
    const monitor = copy(find(prod, 'ServiceMonitor', 'sales'));
    monitor.spec.endpoints = 'http';
    const topic = copy(find(prod, 'KafkaTopic', Topics.sales));
    topic.spec.replicationFactor = 3;
    const kafka = copy(find(prod, 'Kafka', 'aftercare-kafka'));
    delete kafka.spec.kafka.listeners;
    const cluster = copy(find(prod, 'Cluster', 'aftercare-postgres'));
    cluster.spec.instances = '3';
    const failures = schemaFailures([deployment, scaledObject, monitor, topic, kafka, cluster]);
    expect(failures.map((failure) => failure.split(':')[0])).toEqual([
      'Deployment/sales',
      'ScaledObject/sales',
      'ServiceMonitor/sales',
      `KafkaTopic/${Topics.sales}`,
      'Kafka/aftercare-kafka',
      'Cluster/aftercare-postgres',
    ]);
    expect(schemaFailures([{ apiVersion: 'example.com/v1', kind: 'Unknown', metadata: { name: 'x' } }])).toEqual([
      'Unknown/x: no schema for example.com/v1 Unknown',
    ]);
  });

  it('a Deployment without its probes, a writable root, a missing budget, metrics on the GraphQL port or a policy open to another service or port breaks the policy', () => {
    const objects = copy(prod);
    const sales = find(objects, 'Deployment', 'sales').spec.template.spec.containers[0];
    delete sales.readinessProbe;
    find(objects, 'Deployment', 'value-added').spec.replicas = 3;
    find(objects, 'Ingress', 'gateway').spec.rules[0].http.paths[0].pathType = 'Prefix';
    sales.securityContext.readOnlyRootFilesystem = false;
    const withoutBudget = objects.filter((object) => !(object.kind === 'PodDisruptionBudget' && object.metadata.name === 'complaints'));
    find(withoutBudget, 'NetworkPolicy', 'value-added').spec.ingress[0].from.push({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'sales' } } });
    // Prometheus admitted to the GraphQL port as well as the metrics port.
    find(withoutBudget, 'NetworkPolicy', 'complaints').spec.ingress[1].ports.push({ port: 'http', protocol: 'TCP' });
    delete find(withoutBudget, 'ConfigMap', 'service-dispatch-config').data.METRICS_PORT;
    const unscraped = withoutBudget.filter((object) => !(object.kind === 'ServiceMonitor' && object.metadata.name === 'gateway'));
    const withoutJob = unscraped.filter((object) => !(object.kind === 'Job' && object.metadata.name === 'engineer-network-migrate'));
    expect(deploymentViolations(withoutJob, services)).toEqual([
      'Deployment/sales service: writable root filesystem',
      'Deployment/sales service: readiness probe is not GET /health/ready',
      'service-dispatch: /metrics is not on a port of its own (METRICS_PORT and the container\'s "metrics" port)',
      'complaints: no PodDisruptionBudget',
      'complaints: prometheus admitted to ports ["metrics","http"], not only "metrics"',
      'engineer-network: no migration Job of its image',
      'value-added: a replica count in the manifest fights its autoscaler',
      'value-added: ingress admits {"podSelector":{"matchLabels":{"app.kubernetes.io/name":"sales"}}}',
      'gateway: no ServiceMonitor scraping its /metrics',
      'gateway: the Ingress exposes ["Prefix /graphql"], not only Exact /graphql',
    ]);
  });

  it('a secret written into a manifest breaks the policy', () => {
    const objects = copy(prod);
    const gateway = find(objects, 'Deployment', 'gateway').spec.template.spec.containers[0];
    gateway.env.find((variable: { name: string }) => variable.name === 'AUTH_JWT_SECRET').valueFrom = undefined;
    gateway.env.find((variable: { name: string }) => variable.name === 'AUTH_JWT_SECRET').value = 'x'.repeat(32);
    find(objects, 'ConfigMap', 'sales-config').data.DATABASE_URL = 'postgres://sales:hunter2@aftercare-postgres-rw:5432/aftercare_sales';
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'redis-auth' }, stringData: { password: 'p' } });
    expect(secretViolations(objects)).toEqual([
      'ConfigMap/sales-config: DATABASE_URL holds a password',
      'Deployment/gateway gateway AUTH_JWT_SECRET: a secret not taken from a Secret',
      'Secret/redis-auth: a Secret in the manifests (reference it, never ship it)',
    ]);
  });
});
