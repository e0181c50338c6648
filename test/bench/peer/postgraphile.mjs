// PostGraphile 4 over the hub's database, as a peer in the throughput benchmark. Each request
// runs, as PostGraphile does, in a transaction with `pgSettings`: the role `hub_app` and the
// region admin's scope, so row-level security gives it exactly what our server's region admin sees.
import http from 'node:http';
import postgraphileModule from 'postgraphile';

const { postgraphile } = postgraphileModule;

const port = Number(process.env.PORT);
const middleware = postgraphile(process.env.DATABASE_URL, 'public', {
  pgSettings: { role: 'hub_app', 'hub.role': 'region_admin', 'hub.municipality': '', 'hub.schools': '' },
  disableDefaultMutations: true,
  disableQueryLog: true,
  retryOnInitFail: false,
  graphiql: false,
  enableQueryBatching: false,
  ignoreRBAC: false,
});
http.createServer(middleware).listen(port, '127.0.0.1', () => console.log(`PostGraphile ready on ${port}`));
