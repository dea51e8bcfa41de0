import { KubernetesObject, objectName } from './render';

/** Variables whose value is a secret: they may only ever come from a Secret (valueFrom.secretKeyRef). */
const SECRET_VARIABLES = /(SECRET|PASSWORD|SIGNING_KEY|PUBLIC_KEYS|TOKEN|API_KEY)/;
/** A URL with a password written into it (user:password@), other than one put together from $(VARIABLES). */
const INLINE_CREDENTIAL = /:\/\/[^/\s:@]*:(?!\$\()[^@\s]+@/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

function containersOf(object: KubernetesObject): Container[] {
  const pod = object.spec?.template?.spec;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return !!selector && Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Secrets stay out of the manifests: no Secret objects, no secret-named variable with a value, no password in a URL or a ConfigMap. */
export function secretViolations(objects: KubernetesObject[]): string[] {
  const violations: string[] = [];
  for (const object of objects) {
    const name = objectName(object);
    if (object.kind === 'Secret') violations.push(`${name}: a Secret in the manifests (reference it, never ship it)`);
    if (object.kind === 'ConfigMap') {
      for (const [key, value] of Object.entries<string>(object['data'] ?? {})) {
        if (SECRET_VARIABLES.test(key)) violations.push(`${name}: ${key} is a secret in a ConfigMap`);
        if (INLINE_CREDENTIAL.test(value)) violations.push(`${name}: ${key} holds a password`);
      }
    }
    for (const container of containersOf(object)) {
      for (const variable of container.env ?? []) {
        const where = `${name} ${container.name} ${variable.name}`;
        if (SECRET_VARIABLES.test(variable.name) && !variable.valueFrom?.secretKeyRef) violations.push(`${where}: a secret not taken from a Secret`);
        if (typeof variable.value === 'string' && INLINE_CREDENTIAL.test(variable.value)) violations.push(`${where}: a password written into a URL`);
      }
      for (const argument of [...(container.args ?? []), ...(container.command ?? [])]) {
        if (typeof argument === 'string' && INLINE_CREDENTIAL.test(argument)) violations.push(`${name} ${container.name}: a password in its arguments`);
      }
    }
  }
  return violations;
}

/** What every container of a Deployment or Job must have: resources, non-root, read-only root, no escalation. */
function containerViolations(name: string, pod: Container, container: Container, probes: boolean): string[] {
  const violations: string[] = [];
  const where = `${name} ${container.name}`;
  const security = container.securityContext ?? {};
  if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) violations.push(`${where}: no CPU and memory requests`);
  if (!container.resources?.limits?.memory) violations.push(`${where}: no memory limit`);
  if (!(security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) violations.push(`${where}: may run as root`);
  const user = security.runAsUser ?? pod.securityContext?.runAsUser;
  if (user === 0) violations.push(`${where}: runs as user 0`);
  if (security.readOnlyRootFilesystem !== true) violations.push(`${where}: writable root filesystem`);
  if (security.allowPrivilegeEscalation !== false) violations.push(`${where}: privilege escalation allowed`);
  if (!security.capabilities?.drop?.includes('ALL')) violations.push(`${where}: capabilities not dropped`);
  if (probes) {
    const path = (probe: Container) => probe?.httpGet?.path;
    if (path(container.livenessProbe) !== '/health/live') violations.push(`${where}: liveness probe is not GET /health/live`);
    if (path(container.readinessProbe) !== '/health/ready') violations.push(`${where}: readiness probe is not GET /health/ready`);
  }
  return violations;
}

/**
 * The deployment policy for the units of our own images (the five services and the gateway): probes on the
 * health endpoints, resources, a non-root read-only security context, a PodDisruptionBudget and a NetworkPolicy
 * selecting its pods, a ServiceMonitor; a subgraph also a KEDA ScaledObject on its consumer group's lag, a
 * migration Job of its own image, and a NetworkPolicy that admits only the gateway and Prometheus.
 */
export function deploymentViolations(objects: KubernetesObject[], services: readonly string[]): string[] {
  const violations: string[] = [];
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  for (const name of [...services, 'gateway']) {
    const deployment = ofKind('Deployment').find((object) => object.metadata.name === name);
    if (!deployment) {
      violations.push(`${name}: no Deployment`);
      continue;
    }
    const pod = deployment.spec.template.spec;
    const labels: Record<string, string> = deployment.spec.template.metadata.labels ?? {};
    for (const container of containersOf(deployment)) violations.push(...containerViolations(`Deployment/${name}`, pod, container, true));
    if (!selects(deployment.spec.selector?.matchLabels, labels)) violations.push(`${name}: the Deployment's selector misses its own pods`);
    if (deployment.spec.strategy?.rollingUpdate?.maxUnavailable !== 0) violations.push(`${name}: a rollout may take capacity away (maxUnavailable is not 0)`);
    // Autoscaled (HPA or KEDA, checked below): a count in the manifest would be put back by every apply.
    if (deployment.spec.replicas !== undefined) violations.push(`${name}: a replica count in the manifest fights its autoscaler`);
    if (!ofKind('PodDisruptionBudget').some((pdb) => selects(pdb.spec.selector?.matchLabels, labels))) violations.push(`${name}: no PodDisruptionBudget`);
    const policies = ofKind('NetworkPolicy').filter((policy) => selects(policy.spec.podSelector?.matchLabels, labels));
    if (policies.length === 0) violations.push(`${name}: no NetworkPolicy`);
    const service = ofKind('Service').find((candidate) => selects(candidate.spec.selector, labels));
    if (!service) violations.push(`${name}: no Service`);
    const scraped = ofKind('ServiceMonitor').some(
      (monitor) =>
        !!service &&
        selects(monitor.spec.selector?.matchLabels, service.metadata.labels ?? {}) &&
        monitor.spec.endpoints?.some((endpoint: Container) => endpoint.path === '/metrics'),
    );
    if (!scraped) violations.push(`${name}: no ServiceMonitor scraping its /metrics`);
    if (name === 'gateway') {
      if (!ofKind('HorizontalPodAutoscaler').some((hpa) => hpa.spec.scaleTargetRef?.name === name)) violations.push('gateway: no HorizontalPodAutoscaler');
      // From outside, /graphql only: /metrics and /health share the gateway's port and stay inside the cluster.
      const exposed: string[] = ofKind('Ingress').flatMap((ingress) =>
        (ingress.spec.rules ?? []).flatMap((rule: Container) =>
          (rule.http?.paths ?? [])
            .filter((path: Container) => path.backend?.service?.name === service?.metadata.name)
            .map((path: Container) => `${path.pathType} ${path.path}`),
        ),
      );
      if (exposed.join() !== 'Exact /graphql') violations.push(`gateway: the Ingress exposes ${JSON.stringify(exposed)}, not only Exact /graphql`);
      continue;
    }
    violations.push(...subgraphViolations(objects, name, deployment, policies));
  }
  return violations;
}

function subgraphViolations(objects: KubernetesObject[], name: string, deployment: KubernetesObject, policies: KubernetesObject[]): string[] {
  const violations: string[] = [];
  const scaledObject = objects.find((object) => object.kind === 'ScaledObject' && object.spec.scaleTargetRef?.name === name);
  const lag = scaledObject?.spec.triggers?.find((trigger: Container) => trigger.type === 'kafka');
  // libs/messaging EventConsumer: the group of every instance of a service is `aftercare.<service>`.
  if (lag?.metadata?.consumerGroup !== `aftercare.${name}`) violations.push(`${name}: no KEDA ScaledObject on the lag of consumer group aftercare.${name}`);

  const image = deployment.spec.template.spec.containers[0].image;
  const job = objects.find((object) => object.kind === 'Job' && object.spec.template.spec.containers.some((container: Container) => container.image === image));
  if (!job) {
    violations.push(`${name}: no migration Job of its image`);
  } else {
    const migrate = job.spec.template.spec.containers[0];
    if (!(migrate.command ?? []).concat(migrate.args ?? []).includes('--migrate')) violations.push(`${name}: its Job does not run --migrate`);
    for (const container of containersOf(job)) violations.push(...containerViolations(`Job/${job.metadata.name}`, job.spec.template.spec, container, false));
  }

  // Ingress: the gateway's pods to the GraphQL port only, Prometheus to the metrics port only, nobody else.
  const rules: Container[] = policies.flatMap((policy) => (policy.spec.policyTypes?.includes('Ingress') ? (policy.spec.ingress ?? []) : []));
  if (!policies.some((policy) => policy.spec.policyTypes?.includes('Ingress'))) violations.push(`${name}: ingress not restricted`);
  const container = deployment.spec.template.spec.containers[0];
  const metricsPort = container.ports?.find((port: Container) => port.name === 'metrics');
  const metricsVariable = container.env?.find((variable: Container) => variable.name === 'METRICS_PORT')?.value;
  const configured = objects.find(
    (object) => object.kind === 'ConfigMap' && container.envFrom?.some((source: Container) => source.configMapRef?.name === object.metadata.name),
  );
  if (!metricsPort || String(metricsPort.containerPort) !== String(metricsVariable ?? configured?.['data']?.METRICS_PORT)) {
    violations.push(`${name}: /metrics is not on a port of its own (METRICS_PORT and the container's "metrics" port)`);
  }
  const monitor = objects.find((object) => object.kind === 'ServiceMonitor' && object.metadata.name === name);
  if (!monitor?.spec.endpoints?.every((endpoint: Container) => endpoint.port === 'metrics'))
    violations.push(`${name}: the ServiceMonitor does not scrape the metrics port`);
  for (const rule of rules) {
    if (!rule.from?.length) violations.push(`${name}: an ingress rule open to every pod`);
    const ports = (rule.ports ?? []).map((port: Container) => port.port);
    for (const peer of rule.from ?? []) {
      const app = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'];
      const allowed = app === 'prometheus' && !!peer.namespaceSelector ? 'metrics' : app === 'gateway' && !peer.namespaceSelector ? 'http' : null;
      if (!allowed) violations.push(`${name}: ingress admits ${JSON.stringify(peer)}`);
      else if (ports.length !== 1 || ports[0] !== allowed) violations.push(`${name}: ${app} admitted to ports ${JSON.stringify(ports)}, not only "${allowed}"`);
    }
  }
  return violations;
}
