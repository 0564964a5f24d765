import {
  handoverDoneBy,
  handoverToTick,
  HOLDINGS_TICK_ACTOR,
  ORDER_ENDING_EVENTS,
  TOOL_ENDING_EVENTS,
} from './separation.holdings';

describe('handover items ticked by what the person holds of orders', () => {
  it.each([
    [{ openOrders: 0, toolsOut: 0 }, ['open_orders', 'borrowed_tools']],
    [{ openOrders: 1, toolsOut: 0 }, ['borrowed_tools']],
    [{ openOrders: 0, toolsOut: 1 }, ['open_orders']],
    [{ openOrders: 2, toolsOut: 3 }, []],
  ])('with %o held, %j count as done', (holdings, done) => {
    expect(handoverDoneBy(holdings)).toEqual(done);
  });

  it('never ticks the items only a manager can see to (customers, materials)', () => {
    expect(handoverDoneBy({ openOrders: 0, toolsOut: 0 })).not.toContain('customers');
    expect(handoverDoneBy({ openOrders: 0, toolsOut: 0 })).not.toContain('materials');
  });

  it('leaves out an item a manager ticked already', () => {
    expect(handoverToTick({ openOrders: 0, toolsOut: 0 }, ['open_orders', 'customers'])).toEqual([
      'borrowed_tools',
    ]);
    expect(handoverToTick({ openOrders: 0, toolsOut: 0 }, ['open_orders', 'borrowed_tools'])).toEqual([]);
  });

  it('ends an order on completion, closing or cancellation; a tool on return or a lost charge', () => {
    expect(ORDER_ENDING_EVENTS).toEqual(['OrderCompleted', 'OrderClosed', 'OrderCancelled']);
    expect(TOOL_ENDING_EVENTS).toEqual(['ToolReturned', 'ToolLostCharged']);
  });

  it('records the tick as the orders service', () => {
    expect(HOLDINGS_TICK_ACTOR).toBe('system:orders');
  });
});
