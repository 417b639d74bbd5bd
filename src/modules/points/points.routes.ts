import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import * as accounts from './accounts.service.ts';
import type { PointsDeps } from './ledger.service.ts';
import {
  accountSchema,
  accountSummarySchema,
  adjustBody,
  cancelRedemptionBody,
  goodsBody,
  goodsPatchBody,
  goodsSchema,
  listAccountsQuery,
  listRedemptionsQuery,
  redeemBody,
  redemptionSchema,
  ruleBody,
  ruleSchema,
} from './points.schemas.ts';
import * as rules from './rules.service.ts';
import * as market from './supermarket.service.ts';

const tags = ['points'];

export const pointsDepsOf = (context: AppContext): PointsDeps => ({
  db: context.database.db,
  timeZone: context.config.timeZone,
});

/** Points: the rules that turn service hours into points, accounts and their ledger, the supermarket. */
export function pointsRoutes(app: App, context: AppContext) {
  const deps = pointsDepsOf(context);
  app.get(
    '/points/rules',
    {
      schema: {
        tags,
        summary: 'The rules of my street, and which is in force',
        response: responses({ 200: itemsOf(ruleSchema) }, [401]),
      },
    },
    async (request) => rules.listRules(deps, requireActor(request)),
  );
  app.post(
    '/points/rules',
    {
      schema: {
        tags,
        summary: 'A new rule for a kind of service from a date on (points.manage over the street)',
        body: ruleBody,
        response: responses({ 201: itemsOf(ruleSchema) }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await rules.addRule(deps, requireActor(request), request.body)),
  );
  app.get(
    '/points/me',
    {
      schema: {
        tags,
        summary: 'My balance, service hours and latest entries',
        response: responses({ 200: accountSchema }, [401]),
      },
    },
    async (request) => accounts.myAccount(deps, requireActor(request)),
  );
  app.get(
    '/points/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts of the people of my area, highest balance first',
        querystring: listAccountsQuery,
        response: responses({ 200: pageSchema(accountSummarySchema) }, [400, 401]),
      },
    },
    async (request) => accounts.listAccounts(deps, requireActor(request), request.query),
  );
  app.get(
    '/points/accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account with its entries and its balance recomputed from them',
        params: idParams,
        response: responses({ 200: accountSchema }),
      },
    },
    async (request) => accounts.getAccount(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/points/accounts/:id/adjust',
    {
      schema: {
        tags,
        summary: 'Add or take off points with a reason; the balance never goes below zero',
        params: idParams,
        body: adjustBody,
        response: responses({ 200: accountSchema }, WRITE_ERRORS),
      },
    },
    async (request) => accounts.adjust(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/points/goods',
    {
      schema: { tags, summary: 'The points supermarket of my street', response: responses({ 200: itemsOf(goodsSchema) }, [401]) },
    },
    async (request) => market.listGoods(deps, requireActor(request)),
  );
  app.post(
    '/points/goods',
    {
      schema: {
        tags,
        summary: 'Put goods or a service in the supermarket',
        body: goodsBody,
        response: responses({ 201: goodsSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await market.createGoods(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/points/goods/:id',
    {
      schema: {
        tags,
        summary: 'Change, restock or retire goods',
        params: idParams,
        body: goodsPatchBody,
        response: responses({ 200: goodsSchema }, WRITE_ERRORS),
      },
    },
    async (request) => market.updateGoods(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/points/goods/:id/redeem',
    {
      schema: {
        tags,
        summary: 'Spend my points on goods; refused when the stock, my limit or my balance would not allow it',
        params: idParams,
        body: redeemBody,
        response: responses({ 201: redemptionSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await market.redeem(deps, requireActor(request), request.params.id, request.body.quantity)),
  );
  app.get(
    '/points/redemptions/mine',
    {
      schema: {
        tags,
        summary: 'My redemptions with their codes',
        response: responses({ 200: itemsOf(redemptionSchema) }, [401]),
      },
    },
    async (request) => market.myRedemptions(deps, requireActor(request)),
  );
  app.get(
    '/points/redemptions',
    {
      schema: {
        tags,
        summary: 'Redemptions at the counters of my area; ?code= finds the one being collected',
        querystring: listRedemptionsQuery,
        response: responses({ 200: pageSchema(redemptionSchema) }, [400, 401]),
      },
    },
    async (request) => market.listRedemptions(deps, requireActor(request), request.query),
  );
  app.post(
    '/points/redemptions/:id/collect',
    {
      schema: {
        tags,
        summary: 'Hand over at the counter',
        params: idParams,
        response: responses({ 200: redemptionSchema }, WRITE_ERRORS),
      },
    },
    async (request) => market.collect(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/points/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel before collection: the points and the stock come back',
        params: idParams,
        body: cancelRedemptionBody,
        response: responses({ 200: redemptionSchema }, WRITE_ERRORS),
      },
    },
    async (request) => market.cancelRedemption(deps, requireActor(request), request.params.id, request.body),
  );
}
