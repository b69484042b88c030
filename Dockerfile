# syntax=docker/dockerfile:1

# Build a static binary with the same script CI runs (.ci/build).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG ISABOT_VERSION=docker
RUN ISABOT_VERSION=${ISABOT_VERSION} .ci/build /out/isabot && mkdir -p /out/data

# Run it as an unprivileged user on an image with nothing else in it but CA
# certificates and time-zone data.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/isabot /usr/local/bin/isabot
COPY --from=build --chown=nonroot:nonroot /out/data /data
ENV ISABOT_DATA=/data \
    ISABOT_LISTEN=:8080 \
    ISABOT_LOG_FORMAT=json
VOLUME /data
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: isabot asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/isabot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/isabot"]
CMD ["serve"]
