insert into product (sku, name, unit_amount, currency) values
    ('ESPRESSO-250G', 'Espresso beans, 250 g', 1299, 'EUR'),
    ('FILTER-500G', 'Filter coffee, 500 g', 1590, 'EUR'),
    ('MOKA-POT-3', 'Moka pot "Classic", 3 cups', 3450, 'EUR'),
    ('GRINDER-HAND', 'Hand grinder <ceramic burr>', 4900, 'EUR'),
    ('MUG-CERAMIC', 'Ceramic mug, 300 ml', 890, 'EUR'),
    ('GIFT-CARD-25', 'Gift card, 25 EUR', 2500, 'EUR');
