"""Checks the Kubernetes set in deploy/kubernetes without a cluster: every file is YAML with
apiVersion, kind and a name; and the set holds what running Pledgetrack needs: a Deployment
of several replicas with readiness and liveness probes on /readyz and /healthz, resources, no
root; a Service and a PodDisruptionBudget that select its pods; a migration Job; and that every
ConfigMap and Secret the pods read is in the set. Prints what it checked; exits 1 on a problem."""
import sys
from pathlib import Path

import yaml

folder = Path(sys.argv[1])
problems = []
objects = {}
# examples/ holds what the operator makes themselves (the Secret): read, but not applied with the set.
for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("examples/*.yaml")):
    for doc in yaml.safe_load_all(path.read_text()):
        if doc is None:
            continue
        for field in ("apiVersion", "kind"):
            if field not in doc:
                problems.append(f"{path.name}: no {field}")
        name = doc.get("metadata", {}).get("name")
        if not name:
            problems.append(f"{path.name}: no metadata.name")
        objects[(doc.get("kind"), name)] = (path.name, doc)


def one(kind):
    found = [doc for (k, _), (_, doc) in objects.items() if k == kind]
    if len(found) != 1:
        problems.append(f"expected one {kind}, found {len(found)}")
        return {}
    return found[0]


def pod_checks(where, pod, containers_need_probes):
    spec = pod.get("spec", {})
    if where == "Deployment" and spec.get("terminationGracePeriodSeconds", 30) < 40:
        problems.append(f"{where}: the grace period must cover preStop (5 s), draining (20 s) and cancelling (5 s)")
    if not spec.get("securityContext", {}).get("runAsNonRoot"):
        problems.append(f"{where}: pods must run as non-root")
    for container in spec.get("containers", []):
        name = f"{where}/{container.get('name')}"
        resources = container.get("resources", {})
        if not resources.get("requests") or not resources.get("limits", {}).get("memory"):
            problems.append(f"{name}: needs resource requests and a memory limit")
        if container.get("securityContext", {}).get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name}: allowPrivilegeEscalation must be false")
        for source in container.get("envFrom", []):
            for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                if key in source and (kind, source[key]["name"]) not in objects:
                    problems.append(f"{name}: reads {kind} {source[key]['name']}, which the set does not hold")
        if containers_need_probes:
            probes = {p: container.get(p, {}).get("httpGet", {}).get("path") for p in ("readinessProbe", "livenessProbe")}
            if probes != {"readinessProbe": "/readyz", "livenessProbe": "/healthz"}:
                problems.append(f"{name}: probes must be readiness /readyz and liveness /healthz, found {probes}")


deployment = one("Deployment")
if deployment:
    if deployment["spec"].get("replicas", 1) < 2:
        problems.append("Deployment: run at least two replicas")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    if deployment["spec"]["selector"]["matchLabels"] != {k: labels[k] for k in deployment["spec"]["selector"]["matchLabels"]}:
        problems.append("Deployment: its selector does not match its pods")
    pod_checks("Deployment", deployment["spec"]["template"], containers_need_probes=True)
    for kind, selector in (("Service", lambda d: d["spec"]["selector"]),
                           ("PodDisruptionBudget", lambda d: d["spec"]["selector"]["matchLabels"])):
        other = one(kind)
        if other and any(labels.get(k) != v for k, v in selector(other).items()):
            problems.append(f"{kind}: its selector does not match the Deployment's pods")
job = one("Job")
if job:
    pod_checks("Job", job["spec"]["template"], containers_need_probes=False)
    if job["spec"]["template"]["spec"]["containers"][0].get("args") != ["migrate"]:
        problems.append("Job: should run `pledgetrack migrate`")

if problems:
    print("deploy/kubernetes: problems found:")
    for problem in problems:
        print("  - " + problem)
    sys.exit(1)
kinds = ", ".join(sorted(f"{k} {n}" for k, n in objects))
print(f"deploy/kubernetes: {len(objects)} objects checked ({kinds})")
