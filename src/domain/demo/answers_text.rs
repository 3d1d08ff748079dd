//! The demo's thirty standard answers (R-KB-01), in Spanish and English:
//! what a retail and after-sales front desk is asked every week, with the
//! placeholders the contact screen fills in. Each names the weekly meeting
//! that agreed it and the kinds of contact it answers (`text::CONTACTS`).

use super::text::Tr;
use crate::domain::contact::records::Category;
use Category::*;

pub(super) struct AnswerText {
    pub question: Tr,
    pub text: Tr,
    pub category: Category,
    /// Comma-separated.
    pub keywords: Tr,
    /// The weekly meeting that agreed it: weeks before last week's (0).
    pub weeks_before: usize,
    /// The contacts it answers, by their place in `text::CONTACTS`; none:
    /// now and then on a contact of its category.
    pub fits: &'static [usize],
}

const fn a(
    question: Tr,
    text: Tr,
    category: Category,
    keywords: Tr,
    weeks_before: usize,
    fits: &'static [usize],
) -> AnswerText {
    AnswerText {
        question,
        text,
        category,
        keywords,
        weeks_before,
        fits,
    }
}

/// R-KB-02: (outdated, its replacement), places in `ANSWERS`. Marked
/// outdated at the meeting that agreed the replacement.
pub(super) const OUTDATED: [(usize, usize); 2] = [(5, 26), (7, 23)];

/// The answer drafted from a question a representative marked "no
/// standard answer" before its meeting, and the contact that asked it (its
/// place in `text::CONTACTS`: the member card's points).
pub(super) const FROM_GAP: (usize, usize) = (10, 6);

/// The contact (place in `text::CONTACTS`) whose question still has no
/// answer: the oven that may not suit the customer's hob.
pub(super) const STILL_OPEN: usize = 14;

pub(super) const ANSWERS: [AnswerText; 30] = [
    // Agreed three weeks before last week's meeting.
    a(
        ("Horario de la tienda y del servicio de atención", "Store and customer service opening hours"),
        (
            "Hola {customer}: la tienda abre de lunes a sábado de 10:00 a 21:30, y los domingos y festivos de apertura de 11:00 a 20:00. Atención al cliente contesta al teléfono todos los días de 8:30 a 21:30. Un saludo, {agent} ({org}).",
            "Hello {customer}: the store is open Monday to Saturday from 10:00 to 21:30, and on Sundays and trading bank holidays from 11:00 to 20:00. Customer service answers the phone every day from 8:30 to 21:30. Kind regards, {agent} ({org}).",
        ),
        Enquiry,
        ("horario, apertura, domingo, festivo", "hours, opening, Sunday, bank holiday"),
        3,
        &[4],
    ),
    a(
        ("Cómo hacerse socio", "How to get a member card"),
        (
            "Hola {customer}: la tarjeta de socio es gratuita. Se pide en cualquier caja o en la web con el DNI y un teléfono, y acumula un 2 % de cada compra como saldo que puede gastar desde el mes siguiente.",
            "Hello {customer}: the member card is free. You can ask for it at any till or on our website with photo ID and a phone number, and it builds up 2% of every purchase as credit you can spend from the following month.",
        ),
        Enquiry,
        ("tarjeta, socio, alta, saldo", "card, member, sign up, credit"),
        3,
        &[],
    ),
    a(
        ("Factura de una compra", "An invoice for a purchase"),
        (
            "Hola {customer}: le enviamos la factura por correo electrónico en 24 horas. Solo necesito el número del ticket y, si es para una empresa, su razón social y el CIF.",
            "Hello {customer}: we will e-mail you the invoice within 24 hours. I just need the receipt number and, for a business, its registered name and VAT number.",
        ),
        Enquiry,
        ("factura, ticket, empresa, CIF", "invoice, receipt, company, VAT"),
        3,
        &[9],
    ),
    a(
        ("Dónde está mi pedido", "Where is my order"),
        (
            "Hola {customer}: con el número de pedido del correo de confirmación puede seguir el envío en la web, en «Mis pedidos». La víspera de la entrega le enviamos un SMS con una franja de dos horas.",
            "Hello {customer}: with the order number in your confirmation e-mail you can track the delivery on our website, under “My orders”. The day before, we text you a two-hour delivery window.",
        ),
        Order,
        ("seguimiento, envío, pedido, entrega", "tracking, delivery, order, parcel"),
        3,
        &[0],
    ),
    a(
        ("Formas de pago", "Ways to pay"),
        (
            "Hola {customer}: aceptamos efectivo, tarjeta, Bizum y transferencia; en la web también PayPal. Los pedidos por teléfono se pagan con un enlace seguro que le enviamos por SMS.",
            "Hello {customer}: we accept cash, card, bank transfer, Apple Pay and Google Pay; online you can also use PayPal. Phone orders are paid through a secure link we text to you.",
        ),
        Order,
        ("pago, tarjeta, Bizum, transferencia", "payment, card, transfer, PayPal"),
        3,
        &[16],
    ),
    // 5: outdated when the free 30-day collection came in (26 replaces it).
    a(
        ("Devolución de un pedido online (14 días)", "Returning an online order (14 days)"),
        (
            "Hola {customer}: tiene 14 días para devolverlo en cualquier tienda con el ticket. Si prefiere que pasemos a recogerlo, la recogida cuesta 15 €.",
            "Hello {customer}: you have 14 days to return it to any store with the receipt. If you would rather we collect it, collection costs £15.",
        ),
        AfterSales,
        ("devolución, plazo, recogida", "return, deadline, collection"),
        3,
        &[11],
    ),
    a(
        ("Montaje de muebles a domicilio", "Furniture assembly at home"),
        (
            "Hola {customer}: el montaje cuesta el 8 % del precio del mueble, con un mínimo de 25 €, y se hace el mismo día de la entrega. Los socios lo tienen gratis en compras de más de 500 €.",
            "Hello {customer}: assembly costs 8% of the furniture's price, £25 minimum, and is done on the day of delivery. Members get it free on purchases over £500.",
        ),
        AfterSales,
        ("montaje, muebles, armario, precio", "assembly, furniture, wardrobe, price"),
        3,
        &[10],
    ),
    // 7: outdated when longer financing came in (23 replaces it).
    a(
        ("Pago en 3 meses sin intereses", "Paying in 3 interest-free instalments"),
        (
            "Hola {customer}: las compras de más de 300 € se pueden pagar en 3 meses sin intereses. Se solicita en caja con el DNI y una tarjeta bancaria.",
            "Hello {customer}: purchases over £300 can be paid in 3 interest-free monthly instalments. Ask at the till with photo ID and a bank card.",
        ),
        Order,
        ("financiación, plazos, meses", "finance, instalments, months"),
        3,
        &[16, 1],
    ),
    a(
        ("Artículo dañado en la entrega", "Item damaged on delivery"),
        (
            "Hola {customer}: siento mucho el daño. Si el transportista sigue ahí, anótelo en el albarán; después envíenos dos fotos por correo o WhatsApp y en 48 horas le cambiamos la pieza o el artículo sin coste.",
            "Hello {customer}: I am very sorry about the damage. If the driver is still there, note it on their delivery slip; then send us two photos by e-mail or WhatsApp and within 48 hours we replace the part or the item free of charge.",
        ),
        GoodsInspection,
        ("golpe, roto, dañado, transportista", "dent, broken, damaged, driver"),
        3,
        &[2],
    ),
    a(
        ("Agradecer una sugerencia", "Thanking a customer for a suggestion"),
        (
            "Hola {customer}: muchas gracias por su sugerencia. Hoy mismo la pasamos al departamento correspondiente y la vemos en la reunión mensual; le contaremos qué decidimos. Un saludo, {agent} ({org}).",
            "Hello {customer}: thank you very much for your suggestion. We are passing it on today to the department concerned and will look at it at our monthly meeting; we will let you know what we decide. Kind regards, {agent} ({org}).",
        ),
        Suggestion,
        ("sugerencia, propuesta, idea, gracias", "suggestion, idea, proposal, thanks"),
        3,
        &[4, 15],
    ),
    // Two weeks before last week's. 10: drafted from a question without an answer.
    a(
        ("Saldo de puntos de la tarjeta de socio", "Points balance on the member card"),
        (
            "Hola {customer}: el saldo de su tarjeta de socio aparece en cada ticket y en la web, en «Mi cuenta». Cada euro gastado suma un punto, y con 500 puntos tiene un vale de 5 € que se descuenta en caja.",
            "Hello {customer}: your member card balance is printed on every receipt and shown on our website under “My account”. Each pound spent earns a point, and 500 points give you a £5 voucher, taken off at the till.",
        ),
        Enquiry,
        ("puntos, saldo, vale, socio", "points, balance, voucher, member"),
        2,
        &[6],
    ),
    a(
        ("Igualamos el precio", "Price match"),
        (
            "Hola {customer}: si encuentra el mismo artículo más barato en otra tienda de la zona en los 15 días siguientes a la compra, le devolvemos la diferencia. Solo necesitamos el ticket y el anuncio o la página web con el precio.",
            "Hello {customer}: if you find the same item cheaper at another local store within 15 days of buying it, we refund the difference. We just need your receipt and the advert or web page showing the price.",
        ),
        Enquiry,
        ("precio, diferencia, competencia, más barato", "price, difference, competitor, cheaper"),
        2,
        &[],
    ),
    a(
        ("Cambiar la fecha o la dirección de entrega", "Changing the delivery date or address"),
        (
            "Hola {customer}: puede cambiar la fecha o la dirección sin coste hasta 48 horas antes de la entrega. Dígame el nuevo día o la nueva dirección y se lo confirmo ahora mismo.",
            "Hello {customer}: you can change the date or address free of charge up to 48 hours before delivery. Tell me the new day or address and I will confirm it straight away.",
        ),
        Order,
        ("cambio, fecha, dirección, entrega", "change, date, address, delivery"),
        2,
        &[7, 0],
    ),
    a(
        ("Anular un pedido", "Cancelling an order"),
        (
            "Hola {customer}: si el pedido aún no ha salido del almacén, lo anulamos sin coste y le devolvemos el importe en 5 días hábiles por el mismo medio de pago. Si ya ha salido, puede rechazarlo en la entrega o devolverlo después.",
            "Hello {customer}: if the order has not yet left the warehouse, we cancel it free of charge and refund you within 5 working days, back to the card or account you paid with. If it has already left, you can refuse it at the door or return it afterwards.",
        ),
        Order,
        ("anular, cancelar, pedido, reembolso", "cancel, order, refund"),
        2,
        &[],
    ),
    a(
        ("Cambiar un artículo por otro", "Exchanging an item"),
        (
            "Hola {customer}: puede cambiarlo por otro modelo o color en 30 días, con el ticket y el artículo sin usar en su embalaje. Si el nuevo cuesta menos, le devolvemos la diferencia.",
            "Hello {customer}: you can exchange it for another model or colour within 30 days, with the receipt and the item unused in its packaging. If the new one costs less, we refund the difference.",
        ),
        AfterSales,
        ("cambio, modelo, color, talla", "exchange, model, colour, size"),
        2,
        &[],
    ),
    a(
        ("Piezas de repuesto", "Spare parts"),
        (
            "Hola {customer}: pedimos la pieza al fabricante con el modelo y el número de serie de la etiqueta. Suele llegar en 7 a 10 días; le avisamos para que pase a recogerla o se la enviamos a casa.",
            "Hello {customer}: we order the part from the maker using the model and serial number on the label. It usually arrives in 7 to 10 days; we let you know so you can collect it, or we post it to you.",
        ),
        AfterSales,
        ("repuesto, pieza, recambio, fabricante", "spare, part, replacement, maker"),
        2,
        &[17, 5],
    ),
    a(
        ("Faltan piezas en el paquete", "Parts missing from the box"),
        (
            "Hola {customer}: dígame el número de la pieza que falta, que viene en las instrucciones de montaje, y se la enviamos gratis en 3 a 5 días. No hace falta devolver nada.",
            "Hello {customer}: tell me the number of the missing part, shown in the assembly instructions, and we will post it free within 3 to 5 days. Nothing needs sending back.",
        ),
        GoodsInspection,
        ("faltan, piezas, tornillos, instrucciones", "missing, parts, screws, instructions"),
        2,
        &[10],
    ),
    a(
        ("Pedido perdido por el transportista", "An order lost by the carrier"),
        (
            "Hola {customer}: abrimos ahora mismo una reclamación con el transportista. Si en 48 horas no aparece, le enviamos otro igual o le devolvemos el importe, lo que usted prefiera.",
            "Hello {customer}: we are opening a claim with the carrier right now. If it has not turned up within 48 hours, we send you another one or refund you, whichever you prefer.",
        ),
        Claim,
        ("perdido, caja, transportista, reclamación", "lost, box, carrier, claim"),
        2,
        &[12],
    ),
    a(
        ("Cómo presentar una queja", "How to make a complaint"),
        (
            "Hola {customer}: lamento lo ocurrido. Soy {agent} y registro ahora su queja con el número que le doy; me encargo personalmente y le responderemos en 3 días hábiles como máximo. También tiene a su disposición la hoja oficial de reclamaciones.",
            "Hello {customer}: I am sorry this happened. I am {agent}, and I am logging your complaint now under the reference I will give you; I will look after it personally, and we will reply within 3 working days at most. You can also use the official complaint form.",
        ),
        Complaint,
        ("queja, reclamación, hoja oficial, plazo", "complaint, official form, reply, deadline"),
        2,
        &[8],
    ),
    // One week before last week's.
    a(
        ("Disponibilidad en tienda", "Is it in stock at the store"),
        (
            "Hola {customer}: consulto ahora el stock de la tienda. Si lo tenemos, se lo reservo 48 horas a su nombre; si no, lo pedimos y le avisamos por SMS cuando llegue, normalmente en 3 a 5 días.",
            "Hello {customer}: let me check the store's stock now. If we have it, I will hold it for you for 48 hours; if not, we order it in and text you when it arrives, usually within 3 to 5 days.",
        ),
        Enquiry,
        ("stock, existencias, reservar, disponible", "stock, reserve, available, hold"),
        1,
        &[1, 16],
    ),
    a(
        ("Tarjeta regalo", "Gift cards"),
        (
            "Hola {customer}: las tarjetas regalo van de 10 a 500 €, valen un año y se usan en tienda y en la web, en una o varias compras. Si el regalo no acierta, el ticket regalo permite cambiarlo en 30 días.",
            "Hello {customer}: gift cards come in any amount from £10 to £500, are valid for a year and can be used in store or online, in one go or over several purchases. If the present misses the mark, the gift receipt lets them exchange it within 30 days.",
        ),
        Enquiry,
        ("regalo, tarjeta regalo, ticket regalo", "gift, gift card, gift receipt"),
        1,
        &[],
    ),
    a(
        ("Recogida en tienda de un pedido online", "Collecting an online order in store"),
        (
            "Hola {customer}: su pedido le espera 10 días en el mostrador de Posventa, en la planta baja. Traiga el DNI y el número de pedido; si lo recoge otra persona, basta con una autorización firmada.",
            "Hello {customer}: your order waits for you for 10 days at the After-sales desk on the ground floor. Bring photo ID and the order number; if someone else collects it, a note signed by you is enough.",
        ),
        Order,
        ("recoger, tienda, mostrador, autorización", "collect, store, desk, signed note"),
        1,
        &[16],
    ),
    a(
        ("Montaje de cocinas", "Kitchen fitting"),
        (
            "Hola {customer}: nuestro equipo monta la cocina en 1 a 3 días, según su tamaño. Antes pasa un técnico a medir sin coste; la fontanería y la electricidad tienen que estar terminadas ese día.",
            "Hello {customer}: our own team fits the kitchen in 1 to 3 days, depending on its size. A fitter comes to measure first at no charge; plumbing and electrics must be finished by then.",
        ),
        AfterSales,
        ("cocina, montaje, medición, encimera", "kitchen, fitting, measuring, worktop"),
        1,
        &[7],
    ),
    // 23: replaces 7.
    a(
        ("Pago a plazos: 3, 6 o 12 meses", "Paying in instalments: 3, 6 or 12 months"),
        (
            "Hola {customer}: las compras de más de 300 € se pueden pagar en 3, 6 o 12 meses sin intereses. Se tramita en 5 minutos en caja o en la web, con el DNI y una tarjeta bancaria, y la respuesta es inmediata.",
            "Hello {customer}: purchases over £300 can be spread over 3, 6 or 12 months interest-free. It takes 5 minutes at the till or online, with photo ID and a bank card, and you get an answer straight away.",
        ),
        Order,
        ("financiación, plazos, meses, sin intereses", "finance, instalments, months, interest-free"),
        1,
        &[16, 1],
    ),
    a(
        ("Daño descubierto después de la entrega", "Damage found after delivery"),
        (
            "Hola {customer}: los daños ocultos se pueden comunicar hasta 7 días después de la entrega. Envíenos fotos del daño y del embalaje; un técnico lo revisa y le proponemos reparación, cambio o descuento.",
            "Hello {customer}: hidden damage can be reported up to 7 days after delivery. Send us photos of the damage and the packaging; a technician checks it and we offer a repair, a replacement or a discount.",
        ),
        GoodsInspection,
        ("daño oculto, fotos, embalaje, descuento", "hidden damage, photos, packaging, discount"),
        1,
        &[13],
    ),
    a(
        ("Garantía de muebles y sofás", "Furniture and sofa guarantee"),
        (
            "Hola {customer}: los muebles y sofás tienen 3 años de garantía frente a defectos de fabricación, y la tapicería 2 años. Envíenos fotos y el número de pedido y un técnico le visita en una semana.",
            "Hello {customer}: furniture and sofas carry a 3-year guarantee against manufacturing faults, upholstery 2 years. Send us photos and your order number and a technician will visit within a week.",
        ),
        Claim,
        ("garantía, sofá, tapicería, defecto", "guarantee, sofa, upholstery, fault"),
        1,
        &[13],
    ),
    // Last week's (ops::meetings held it): the week's cases asked for these.
    a(
        ("Devolución de un pedido online", "Returning an online order"),
        (
            "Hola {customer}: tiene 30 días para devolverlo. Pasamos a recogerlo sin coste y le reembolsamos el importe en 5 días hábiles. Un saludo, {agent} ({org}).",
            "Hello {customer}: you have 30 days to return it. We collect it free of charge and refund you within 5 working days. Kind regards, {agent} ({org}).",
        ),
        AfterSales,
        ("devolución, reembolso, recogida", "return, refund, collection"),
        0,
        &[11],
    ),
    a(
        ("Plazo de entrega de muebles", "Furniture delivery times"),
        (
            "Hola {customer}: los muebles en stock se entregan en 3 a 5 días laborables; los de fabricación, en 4 a 6 semanas. Le avisamos la víspera con la franja horaria.",
            "Hello {customer}: furniture in stock is delivered in 3 to 5 working days; made-to-order pieces in 4 to 6 weeks. We call the day before with the time slot.",
        ),
        Order,
        ("entrega, plazo, muebles", "delivery, time, furniture"),
        0,
        &[0],
    ),
    a(
        ("Garantía de electrodomésticos", "Appliance warranty"),
        (
            "Hola {customer}: los electrodomésticos tienen 3 años de garantía desde la fecha del ticket. Con el ticket o la factura, el servicio técnico pasa por su casa sin coste.",
            "Hello {customer}: appliances carry a 3-year warranty from the receipt date. With the receipt or invoice, the technician visits your home free of charge.",
        ),
        Claim,
        ("garantía, reparación, técnico", "warranty, repair, technician"),
        0,
        &[5],
    ),
    a(
        ("Instalación del electrodoméstico y retirada del viejo", "Installing an appliance and taking the old one away"),
        (
            "Hola {customer}: instalamos lavadoras, lavavajillas y hornos el día de la entrega por 35 € y retiramos gratis el aparato viejo para reciclarlo. Las placas de gas las conecta un instalador autorizado.",
            "Hello {customer}: we install washing machines, dishwashers and ovens on delivery day for £35, and take the old appliance away free for recycling. Gas hobs are connected by a registered gas engineer.",
        ),
        AfterSales,
        ("instalación, retirada, reciclaje, lavadora", "installation, removal, recycling, washing machine"),
        0,
        &[14, 17],
    ),
];
