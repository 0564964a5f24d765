import * as grpc from '@grpc/grpc-js';
import * as loader from '@grpc/proto-loader';
import { GRPC_SERVICES, PROTO_LOADER_OPTIONS, type GrpcServiceName } from '@serviceops/contracts';

type Unary = (
  req: object,
  md: grpc.Metadata,
  cb: (err: grpc.ServiceError | null, res: unknown) => void,
) => void;

/** A plain gRPC client for one of our services, built from its .proto like any gRPC user would. */
export function grpcClient(name: GrpcServiceName, address: string) {
  const spec = GRPC_SERVICES[name];
  const pkg = grpc.loadPackageDefinition(loader.loadSync(spec.proto, PROTO_LOADER_OPTIONS));
  const ns = spec.package
    .split('.')
    .reduce<Record<string, unknown>>(
      (o, k) => o[k] as Record<string, unknown>,
      pkg as unknown as Record<string, unknown>,
    );
  const Ctor = ns[spec.service] as grpc.ServiceClientConstructor;
  const client = new Ctor(address, grpc.credentials.createInsecure()) as unknown as grpc.Client &
    Record<string, Unary>;
  return {
    call<T>(method: string, req: object, metadata: Record<string, string> = {}): Promise<T> {
      const md = new grpc.Metadata();
      for (const [k, v] of Object.entries(metadata)) md.set(k, v);
      const fn = client[method];
      if (!fn) throw new Error(`no method ${method}`);
      return new Promise<T>((resolve, reject) =>
        fn.call(client, req, md, (err, res) => (err ? reject(err) : resolve(res as T))),
      );
    },
    /** As `call`, with the answer's metadata (the gateway sends a sign-in's access token there). */
    callWithMetadata<T>(
      method: string,
      req: object,
      metadata: Record<string, string> = {},
    ): Promise<{ reply: T; metadata: Record<string, unknown> }> {
      const md = new grpc.Metadata();
      for (const [k, v] of Object.entries(metadata)) md.set(k, v);
      const fn = client[method];
      if (!fn) throw new Error(`no method ${method}`);
      let answer: Record<string, unknown> = {};
      return new Promise((resolve, reject) => {
        const unary = fn.call(client, req, md, (err, res) =>
          err ? reject(err) : resolve({ reply: res as T, metadata: answer }),
        ) as unknown as { on(event: 'metadata', listener: (m: grpc.Metadata) => void): void };
        unary.on('metadata', (m) => {
          answer = m.getMap();
        });
      });
    },
    close: () => client.close(),
  };
}
