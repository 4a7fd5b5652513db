package dev.trafficengineer.schema;

/** Real-looking manifests for the schema tests and the benchmark; {@code broken} adds typical mistakes. */
final class Examples {

    private Examples() {}

    static String hpa(int n, boolean broken) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web-%1$d
                  namespace: shop
                  labels: {app.kubernetes.io/name: web, team: checkout}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web-%1$d}
                  minReplicas: 2
                  maxReplicas: %2$s
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target: {type: Utilization, averageUtilization: 70}
                  - type: Pods
                    pods:
                      metric: {name: http_requests_per_second}
                      target: {type: AverageValue, averageValue: 100}
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                      policies:
                      - {type: Percent, value: 50, periodSeconds: 60}
                    scaleUp:
                      tolerance: 0.05
                      policies:
                      - {type: Pods, value: 4, periodSeconds: 15}
                      selectPolicy: Max
                """.formatted(n, broken ? "\"10\"" : "10");
    }

    static String deployment(int n) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-%1$d
                  namespace: shop
                  annotations: {deployment.kubernetes.io/revision: "3"}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 25%%, maxUnavailable: 0}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: registry.example.com/web:1.4.2
                        ports: [{containerPort: 8080, name: http}]
                        env: [{name: LOG_LEVEL, value: info}]
                        resources:
                          requests: {cpu: 250m, memory: 256Mi}
                          limits: {memory: 512Mi}
                        readinessProbe:
                          httpGet: {path: /healthz, port: http}
                          periodSeconds: 5
                """.formatted(n);
    }

    static String scaledObject(int n, boolean broken) {
        return """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker-%1$d, namespace: shop}
                spec:
                  scaleTargetRef: {name: worker-%1$d}
                  pollingInterval: 30
                  cooldownPeriod: 300
                  minReplicaCount: 0
                  maxReplicaCount: 20
                  advanced:
                    horizontalPodAutoscalerConfig:
                      behavior:
                        scaleDown:
                          stabilizationWindowSeconds: 300
                  triggers:
                  - type: prometheus
                    %2$s:
                      serverAddress: http://prometheus.monitoring:9090
                      query: sum(rate(jobs_queued_total{queue="orders"}[2m]))
                      threshold: "50"
                    authenticationRef: {name: prom-auth}
                """.formatted(n, broken ? "metdata" : "metadata");
    }

    /** A StatefulSet with fields newer than the OpenAPI snapshot: no serviceName, ordinals, a sidecar. */
    static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: queue, namespace: shop}
            spec:
              replicas: 3
              ordinals: {start: 1}
              selector: {matchLabels: {app: queue}}
              persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
              template:
                metadata: {labels: {app: queue}}
                spec:
                  initContainers:
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
                    restartPolicy: Always
                  containers:
                  - name: queue
                    image: rabbitmq:3.13
                    resources: {requests: {cpu: "1", memory: 1Gi}}
                    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Gi}}
            """;

    static final String POD_DISRUPTION_BUDGET = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: shop}
            spec:
              minAvailable: 50%
              selector: {matchLabels: {app: web}}
              unhealthyPodEvictionPolicy: AlwaysAllow
            """;

    static final String SCALED_JOB = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledJob
            metadata: {name: resize-images, namespace: media}
            spec:
              jobTargetRef:
                parallelism: 1
                backoffLimit: 4
                template:
                  metadata: {labels: {app: resize}, annotations: {team: media}}
                  spec:
                    restartPolicy: Never
                    containers:
                    - name: resize
                      image: registry.example.com/resize:2.1
                      ports: [{containerPort: 9090, protocol: TCP}]
                      resources: {requests: {cpu: 500m, memory: 512Mi}}
              pollingInterval: 15
              maxReplicaCount: 50
              successfulJobsHistoryLimit: 5
              scalingStrategy: {strategy: accurate}
              triggers:
              - type: rabbitmq
                metadata: {queueName: images, mode: QueueLength, value: "20"}
                authenticationRef: {name: rabbitmq-auth}
            """;

    static final String TRIGGER_AUTHENTICATION = """
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: rabbitmq-auth, namespace: media}
            spec:
              secretTargetRef:
              - {parameter: host, name: rabbitmq-conn, key: url}
            """;

    static final String CLUSTER_TRIGGER_AUTHENTICATION = """
            apiVersion: keda.sh/v1alpha1
            kind: ClusterTriggerAuthentication
            metadata: {name: aws-irsa}
            spec:
              podIdentity: {provider: aws, identityOwner: keda}
            """;

    static final String VERTICAL_POD_AUTOSCALER = """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              updatePolicy: {updateMode: "Off"}
              resourcePolicy:
                containerPolicies:
                - containerName: '*'
                  minAllowed: {cpu: 100m, memory: 128Mi}
                  maxAllowed: {cpu: "2", memory: 2Gi}
                  controlledResources: [cpu, memory]
            """;
}
