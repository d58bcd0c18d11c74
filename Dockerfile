# The application image for docker-compose.yml (camunda mode: external Camunda cluster and PostgreSQL).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
# The build packages the top-level models and forms into the jar as classpath resources.
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
# Tesseract with Vietnamese: the evidence indexing job reads scans with it (without it they keep "no text").
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app dti && mkdir -p /var/lib/dti/evidence && chown dti /var/lib/dti/evidence
# Uploaded evidence files, on the volume docker-compose.yml mounts there.
ENV DTI_EVIDENCE_DIRECTORY=/var/lib/dti/evidence
WORKDIR /app
COPY --from=build /src/target/dti-platform-*.jar app.jar
USER dti
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
