"""Data generator for the benchmarks: customers, lot-tracked products and their
lots in stock, done deliveries (one move per product, with its lot) and the
posted customer invoices of those deliveries.

Everything goes through the ORM with batched ``create`` calls (one call per
model and batch, never one record at a time) so that stock valuation, journal
items and the complaint addons' hooks run as they would for real documents.
Deterministic: the same seed gives the same names, quantities and prices.

Importable by the benches:

    from populate import Populator
    pop = Populator(env, seed=9)
    base = pop.ensure_base(products=50, customers=200)
    scenarios = pop.make_scenarios(base, [(customer, k), ...])

or runnable, to fill a database at scale:

    python bench/populate.py --config CONF --db DB --customers 2000 \
        --products 50 --deliveries 1000 --lines 5
"""

import argparse
import random
import time

import odoo
from odoo.fields import Command

PREFIX = "FLOW"
STOCK_PER_LOT = 1_000_000
LIST_PRICE = 2000.0  # above the demo's 5,000 director threshold even for k = 1
COST = 800.0


class Populator:
    """Batched, seeded creation of the documents a complaint starts from."""

    def __init__(self, env, seed=9):
        self.env = env
        self.rng = random.Random(seed)
        self.company = env.company
        self.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )

    # ------------------------------------------------------------------
    # Base data: created once, found again by name afterwards
    # ------------------------------------------------------------------

    def ensure_base(self, products=50, customers=200):
        """Products, lots with stock, customers; created when missing."""
        env = self.env
        found = env["product.product"].search(
            [("default_code", "=like", f"{PREFIX}-P%")], order="default_code"
        )
        if len(found) < products:
            self._create_products(products)
            found = env["product.product"].search(
                [("default_code", "=like", f"{PREFIX}-P%")], order="default_code"
            )
        products = found[:products]
        lots = env["stock.lot"].search(
            [("product_id", "in", products.ids), ("name", "=like", f"{PREFIX}-L%")]
        )
        lot_by_product = {lot.product_id: lot for lot in lots}
        partners = env["res.partner"].search(
            [("ref", "=like", f"{PREFIX}-C%")], order="ref"
        )
        if len(partners) < customers:
            partners |= self.create_customers(customers - len(partners), len(partners))
        return {
            "products": products,
            "lots": [lot_by_product[p] for p in products],
            "customers": partners[:customers],
        }

    def _create_products(self, count):
        env = self.env
        category = env["product.category"].create(
            {
                "name": f"{PREFIX} bench (AVCO, automated)",
                "property_cost_method": "average",
                "property_valuation": "real_time",
            }
        )
        existing = env["product.product"].search_count(
            [("default_code", "=like", f"{PREFIX}-P%")]
        )
        products = env["product.product"].create(
            [
                {
                    "name": f"Bench Tile {i:03d}",
                    "default_code": f"{PREFIX}-P{i:03d}",
                    "type": "consu",
                    "is_storable": True,
                    "tracking": "lot",
                    "categ_id": category.id,
                    "list_price": LIST_PRICE,
                    "standard_price": COST,
                }
                for i in range(existing + 1, count + 1)
            ]
        )
        lots = env["stock.lot"].create(
            [
                {"name": f"{PREFIX}-L{p.default_code[-3:]}", "product_id": p.id}
                for p in products
            ]
        )
        self._receive(products, lots)
        return products

    def _receive(self, products, lots):
        """One receipt of STOCK_PER_LOT units of every lot, at cost."""
        env = self.env
        wh = self.warehouse
        supplier_loc = env.ref("stock.stock_location_suppliers")
        picking = env["stock.picking"].create(
            {
                "picking_type_id": wh.in_type_id.id,
                "location_id": supplier_loc.id,
                "location_dest_id": wh.lot_stock_id.id,
                "partner_id": self.company.partner_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": STOCK_PER_LOT,
                            "product_uom": product.uom_id.id,
                            "location_id": supplier_loc.id,
                            "location_dest_id": wh.lot_stock_id.id,
                            "price_unit": COST,
                        }
                    )
                    for product in products
                ],
            }
        )
        picking.action_confirm()
        lot_by_product = {lot.product_id: lot for lot in lots}
        for move in picking.move_ids:
            move.move_line_ids.unlink()
        env["stock.move.line"].create(
            [
                dict(
                    move._prepare_move_line_vals(quantity=STOCK_PER_LOT),
                    lot_id=lot_by_product[move.product_id].id,
                    quantity=STOCK_PER_LOT,
                )
                for move in picking.move_ids
            ]
        )
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True).button_validate()

    def create_customers(self, count, start=0):
        """``count`` companies, batched."""
        cities = ["Shanghai", "Hangzhou", "Nanjing", "Suzhou", "Ningbo", "Hefei"]
        return self.env["res.partner"].create(
            [
                {
                    "name": f"Bench Customer {i:05d}",
                    "ref": f"{PREFIX}-C{i:05d}",
                    "is_company": True,
                    "city": self.rng.choice(cities),
                    "email": f"customer{i:05d}@bench.example.com",
                }
                for i in range(start + 1, start + count + 1)
            ]
        )

    # ------------------------------------------------------------------
    # Documents: deliveries and invoices, in batches
    # ------------------------------------------------------------------

    def make_scenarios(self, base, specs, qty=10.0):
        """One done delivery and its posted invoice per (customer, k) of
        ``specs``: k products (and their lots), ``qty`` units each.
        Returns [{'customer', 'products', 'lots', 'delivery', 'invoice'}]."""
        products, lots = base["products"], base["lots"]
        chosen = []
        for customer, k in specs:
            idx = sorted(self.rng.sample(range(len(products)), k))
            chosen.append(
                (
                    customer,
                    products.browse([products[i].id for i in idx]),
                    [lots[i] for i in idx],
                )
            )
        deliveries = self.create_deliveries(
            [(c, p, lot_list, qty) for c, p, lot_list in chosen]
        )
        invoices = self.create_invoices(
            [(c, p, qty) for c, p, _lots in chosen], deliveries
        )
        return [
            {
                "customer": c,
                "products": p,
                "lots": lot_list,
                "delivery": d,
                "invoice": i,
                "qty": qty,
            }
            for (c, p, lot_list), d, i in zip(chosen, deliveries, invoices, strict=True)
        ]

    def create_deliveries(self, specs):
        """Done deliveries [(customer, products, lots, qty)], validated together."""
        env = self.env
        wh = self.warehouse
        customers_loc = env.ref("stock.stock_location_customers")
        pickings = env["stock.picking"].create(
            [
                {
                    "picking_type_id": wh.out_type_id.id,
                    "location_id": wh.lot_stock_id.id,
                    "location_dest_id": customers_loc.id,
                    "partner_id": customer.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "product_uom": product.uom_id.id,
                                "location_id": wh.lot_stock_id.id,
                                "location_dest_id": customers_loc.id,
                            }
                        )
                        for product in products
                    ],
                }
                for customer, products, _lots, qty in specs
            ]
        )
        pickings.action_confirm()
        pickings.action_assign()  # one lot in stock per product: that lot
        pickings.move_ids.picked = True
        pickings.with_context(skip_backorder=True, skip_sms=True).button_validate()
        if set(pickings.mapped("state")) != {"done"}:
            raise RuntimeError("some bench deliveries were not validated")
        return list(pickings)

    def create_invoices(self, specs, deliveries=None):
        """Posted customer invoices [(customer, products, qty)], one batch."""
        env = self.env
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": "2026-01-15",
                    "invoice_origin": deliveries[i].name if deliveries else False,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": qty,
                                "price_unit": LIST_PRICE,
                            }
                        )
                        for product in products
                    ],
                }
                for i, (customer, products, qty) in enumerate(specs)
            ]
        )
        moves.action_post()
        return list(moves)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--products", type=int, default=50)
    parser.add_argument("--deliveries", type=int, default=500)
    parser.add_argument("--lines", type=int, default=5, help="products per delivery")
    parser.add_argument("--batch", type=int, default=100)
    return parser.parse_args()


def main():
    args = parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        pop = Populator(env, args.seed)
        base = pop.ensure_base(args.products, args.customers)
        cr.commit()
        customers = base["customers"]
        done = 0
        while done < args.deliveries:
            size = min(args.batch, args.deliveries - done)
            specs = [
                (customers[pop.rng.randrange(len(customers))], args.lines)
                for _i in range(size)
            ]
            pop.make_scenarios(base, specs)
            cr.commit()
            done += size
            print(f"[populate] {done} deliveries and invoices", flush=True)
    print(f"[populate] done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
