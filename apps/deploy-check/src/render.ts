import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const repositoryRoot = join(__dirname, '../../..');
export const kubernetesRoot = join(repositoryRoot, 'deploy/kubernetes');
export const environments = ['dev', 'prod'] as const;
/** What a team applies on its own (deploy/kubernetes/overlays/<environment>/<unit>). */
export const services = ['sales', 'service-dispatch', 'complaints', 'engineer-network', 'value-added'] as const;
export const units = [...services, 'gateway', 'infrastructure'] as const;

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // The rest is checked by the object's schema, not by this type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** `kubectl kustomize <dir>` (the kustomize built into kubectl, no cluster needed), parsed into objects. */
export function render(directory: string): KubernetesObject[] {
  const output = execFileSync('kubectl', ['kustomize', join(kubernetesRoot, directory)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseAllDocuments(output)
    .map((document) => {
      if (document.errors.length > 0) throw document.errors[0];
      return document.toJS() as KubernetesObject;
    })
    .filter(Boolean);
}

export function objectName(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata.name}`;
}
