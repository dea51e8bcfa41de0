import Ajv, { ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { KubernetesObject, repositoryRoot } from './render';

type Validate = (object: KubernetesObject) => void;

/** A model class of kubernetes-models or its KEDA and Prometheus Operator packages: `new Model(o).validate()` throws on a violation. */
type ModelClass = { apiVersion: string; kind: string; new (data: never): { validate(): void } };

const models: ModelClass[] = [
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  Ingress,
  NetworkPolicy,
  PodDisruptionBudget,
  ConfigMap,
  Service,
  ServiceAccount,
  ScaledObject,
  ServiceMonitor,
] as unknown as ModelClass[];

export const schemasRoot = join(repositoryRoot, 'deploy/schemas');

interface CustomResourceDefinition {
  spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[] };
}

/**
 * The API server prunes fields a structural schema does not name; `kubectl apply --validate=strict` reports
 * them. Offline, the same strictness: an object schema that lists its properties and neither allows more nor
 * preserves unknown fields refuses any other (a misspelt field fails here instead of vanishing in the cluster).
 */
function strictly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictly);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'enum' || key === 'default' || key === 'example' ? value : strictly(value)]),
  );
  if (copy['properties'] && copy['additionalProperties'] === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy['additionalProperties'] = false;
  }
  return copy;
}

/** The formats the checked-in CRDs use (OpenAPI's integer widths and RFC 3339 times). */
const kubernetesFormats = {
  int32: { type: 'number' as const, validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 },
  int64: { type: 'number' as const, validate: (value: number) => Number.isSafeInteger(value) },
  'date-time': { type: 'string' as const, validate: (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) },
};

/** Validators for every version of every CRD checked in under deploy/schemas/<operator>-<version>/. */
function customResourceValidators(): Map<string, ValidateFunction> {
  // strict: false: the schemas carry Kubernetes' own keywords (x-kubernetes-*), which are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true, formats: kubernetesFormats });
  const validators = new Map<string, ValidateFunction>();
  for (const release of readdirSync(schemasRoot)) {
    for (const file of readdirSync(join(schemasRoot, release)).filter((name) => name.endsWith('.yaml'))) {
      const crd = parse(readFileSync(join(schemasRoot, release, file), 'utf8')) as CustomResourceDefinition;
      for (const version of crd.spec.versions) {
        validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(strictly(version.schema.openAPIV3Schema) as object));
      }
    }
  }
  return validators;
}

/** Finds the schema of every object by apiVersion and kind; an object of a kind with no schema is an error, never skipped. */
export function schemaValidator(): (object: KubernetesObject) => void {
  const byType = new Map<string, Validate>();
  for (const Model of models) {
    byType.set(`${Model.apiVersion}/${Model.kind}`, (object) => new Model(object as never).validate());
  }
  for (const [type, validate] of customResourceValidators()) {
    byType.set(type, (object) => {
      if (!validate(object)) throw new Error(JSON.stringify(validate.errors, null, 1));
    });
  }
  return (object) => {
    const validate = byType.get(`${object.apiVersion}/${object.kind}`);
    if (!validate) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
    validate(object);
  };
}
