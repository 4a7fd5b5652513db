#!/usr/bin/env python3
"""Writes N Kubernetes documents (Deployment, HPA and KEDA ScaledObject mixes) into DIR, 100 per file."""
import os
import sys

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: team-{ns}
spec:
  selector:
    matchLabels: {{app: app-{i}}}
  template:
    metadata:
      labels: {{app: app-{i}}}
    spec:
      containers:
        - name: app
          image: ghcr.io/example/app:{i}
          resources:
            requests: {{cpu: 250m, memory: 256Mi}}
            limits: {{memory: 512Mi}}
"""

HPA = """apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: app-{i}
  namespace: team-{ns}
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: app-{i}}}
  minReplicas: 2
  maxReplicas: {max}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {{type: Utilization, averageUtilization: 70}}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies: [{{type: Percent, value: 20, periodSeconds: 60}}]
"""

SCALED_OBJECT = """apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: worker-{i}
  namespace: team-{ns}
spec:
  scaleTargetRef: {{name: app-{i}}}
  minReplicaCount: 1
  maxReplicaCount: {max}
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring:9090
        query: sum(rate(http_requests_total{{deployment="app-{i}"}}[2m]))
        threshold: "100"
"""


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    docs = []
    for i in range(n):
        kind = i % 3
        tpl = DEPLOYMENT if kind == 0 else HPA if kind == 1 else SCALED_OBJECT
        docs.append(tpl.format(i=i // 3, ns=i % 7, max=10 + i % 20))
    for f in range(0, n, 100):
        with open(os.path.join(out, "m%04d.yaml" % (f // 100)), "w") as fh:
            fh.write("---\n".join(docs[f:f + 100]))


main()
