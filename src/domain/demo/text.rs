//! The demo's words: names, tags, departments and what customers say, in
//! Spanish and English (`Tr` is Spanish, English). The demo is written in
//! the language the app is shown in when it is loaded.

use crate::domain::contact::{Category, Channel};

/// Spanish, English.
pub type Tr = (&'static str, &'static str);

/// The two teams, and their shifts' names.
pub const TEAMS: [Tr; 2] = [("Mañana", "Morning"), ("Tarde", "Afternoon")];

pub const FIRST_ES: &[&str] = &[
    "José", "María", "Lucía", "Álvaro", "Sofía", "Martín", "Carmen", "Andrés", "Inés", "Raúl",
    "Begoña", "Íñigo", "Nuria", "Óscar", "Ángela", "Jesús", "Rocío", "Tomás", "Elena", "Adrián",
    "Maite", "Sergio", "Paula", "Joaquín", "Marta", "Rubén", "Beatriz", "Ramón", "Noemí", "Víctor",
    "Pilar", "Hugo", "Aitana", "Germán", "Iria", "Julián",
];
pub const LAST_ES: &[&str] = &[
    "García",
    "Pérez",
    "Martínez",
    "López",
    "Sánchez",
    "Gómez",
    "Fernández",
    "Rodríguez",
    "Muñoz",
    "Jiménez",
    "Núñez",
    "Álvarez",
    "Romero",
    "Suárez",
    "Ibáñez",
    "Domínguez",
    "Vázquez",
    "Gutiérrez",
    "Castaño",
    "Peña",
    "Ortiz",
    "Rubio",
    "Marín",
    "Herrera",
    "Cortés",
    "Delgado",
    "Morán",
    "Calvo",
    "León",
    "Méndez",
    "Sáez",
    "Bermúdez",
];
pub const FIRST_EN: &[&str] = &[
    "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Noah", "Grace", "Leo",
    "Freya", "Oscar", "Lily", "Arthur", "Evie", "Thomas", "Ella", "James", "Chloe", "William",
    "Poppy", "Henry", "Ruby", "Alfie", "Florence", "Joshua", "Alice", "Samuel", "Hannah", "Daniel",
    "Zara", "Ethan", "Ivy", "Lucas", "Phoebe",
];
pub const LAST_EN: &[&str] = &[
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell",
    "Rose", "Davis", "Rodgers", "Cooper", "O'Brien",
];

/// Customers' tags, and the staff's skills (the same words).
pub const MEMBERS: Tr = ("socios", "members");
pub const REPAIRS: Tr = ("reparaciones", "repairs");
pub const BUSINESS: Tr = ("empresas", "business");
pub const VIP: Tr = ("vip", "vip");
pub const SOFAS: Tr = ("sofás", "sofas");
pub const KITCHENS: Tr = ("cocinas", "kitchens");
pub const APPLIANCES: Tr = ("electrodomésticos", "appliances");
pub const ONLINE: Tr = ("online", "online");
pub const TAGS: [Tr; 7] = [REPAIRS, BUSINESS, VIP, SOFAS, KITCHENS, APPLIANCES, ONLINE];

pub const SOURCES: [Tr; 5] = [
    ("tienda", "store"),
    ("web", "website"),
    ("teléfono", "phone"),
    ("recomendación", "referral"),
    ("feria del mueble", "furniture fair"),
];

pub const AFTER_SALES: Tr = ("Posventa", "After-sales");
pub const LOGISTICS: Tr = ("Logística", "Logistics");
pub const ACCOUNTS: Tr = ("Contabilidad", "Accounts");
pub const INSPECTION: Tr = ("Inspección de calidad", "Quality inspection");
pub const INSTALLATION: Tr = ("Montaje", "Installation");
pub const STORE: Tr = ("Tienda", "Store");

pub const NOTES: [Tr; 5] = [
    (
        "Prefiere que le llamen por la tarde.",
        "Prefers to be called in the afternoon.",
    ),
    (
        "Cliente desde la apertura de la tienda; muy fiel.",
        "A customer since the store opened; very loyal.",
    ),
    (
        "Compra para su empresa: pedir siempre el CIF para la factura.",
        "Buys for their company: always ask for the VAT number for the invoice.",
    ),
    (
        "Tiene movilidad reducida: ofrecer siempre entrega en planta.",
        "Has reduced mobility: always offer delivery to the room.",
    ),
    (
        "Habla mejor por WhatsApp que por teléfono.",
        "Answers messages more readily than calls.",
    ),
];

pub const WELCOME: Tr = (
    "Llamada de bienvenida: presentación del especialista asignado",
    "Welcome call: introduced their assigned specialist",
);
pub const WELCOME_DONE: Tr = (
    "Se presenta el especialista y se confirman sus datos de contacto",
    "Specialist introduced; contact details confirmed",
);

/// One kind of contact: what the customer wanted and how it was settled.
pub struct ContactText {
    pub category: Category,
    pub channels: &'static [Channel],
    pub summary: Tr,
    pub resolution: Tr,
    /// Where it goes when the representative cannot settle it.
    pub forward_to: Tr,
    pub forward_note: Tr,
}

use Channel::{Email, Messaging, OnlineChat, Phone, Sms, WalkIn};

const fn c(
    category: Category,
    channels: &'static [Channel],
    summary: Tr,
    resolution: Tr,
    forward_to: Tr,
    forward_note: Tr,
) -> ContactText {
    ContactText {
        category,
        channels,
        summary,
        resolution,
        forward_to,
        forward_note,
    }
}

pub const CONTACTS: &[ContactText] = &[
    c(
        Category::Enquiry,
        &[Phone, OnlineChat, Messaging],
        (
            "Pregunta por la fecha de entrega del sofá",
            "Asks when the sofa will be delivered",
        ),
        (
            "Confirmada la entrega para el jueves por la mañana",
            "Delivery confirmed for Thursday morning",
        ),
        LOGISTICS,
        (
            "Confirmar franja de entrega con el transportista",
            "Confirm the delivery slot with the carrier",
        ),
    ),
    c(
        Category::Order,
        &[Phone, Email, WalkIn],
        (
            "Quiere añadir dos sillas al pedido de la mesa",
            "Wants to add two chairs to the table order",
        ),
        (
            "Pedido ampliado y confirmado por correo",
            "Order extended and confirmed by e-mail",
        ),
        STORE,
        (
            "Comprobar existencias de las sillas en almacén",
            "Check the chairs are in stock",
        ),
    ),
    c(
        Category::GoodsInspection,
        &[Phone, Messaging, Email],
        (
            "La lavadora llegó con un golpe en el lateral",
            "The washing machine arrived with a dent in the side",
        ),
        (
            "Inspección hecha; se cambia la unidad el lunes",
            "Inspected; the unit is replaced on Monday",
        ),
        INSPECTION,
        (
            "Fotos del golpe adjuntas; revisar antes de cambiar",
            "Photos of the dent attached; check before replacing",
        ),
    ),
    c(
        Category::Claim,
        &[Phone, Email],
        (
            "Reclama el reembolso de un cargo duplicado en la tarjeta",
            "Claims a refund for a duplicate card charge",
        ),
        (
            "Reembolso tramitado; llegará en 3–5 días hábiles",
            "Refund issued; it arrives in 3–5 working days",
        ),
        ACCOUNTS,
        (
            "Cargo duplicado del día 3; pide devolución",
            "Duplicate charge on the 3rd; refund requested",
        ),
    ),
    c(
        Category::Suggestion,
        &[OnlineChat, Email, WalkIn],
        (
            "Sugiere abrir también los domingos por la mañana",
            "Suggests opening on Sunday mornings too",
        ),
        (
            "Agradecida la sugerencia; se traslada a dirección",
            "Thanked; suggestion passed on to management",
        ),
        STORE,
        (
            "Sugerencia de horario para la reunión mensual",
            "Opening-hours suggestion for the monthly meeting",
        ),
    ),
    c(
        Category::AfterSales,
        &[Phone, WalkIn, Messaging],
        (
            "Solicita reparación en garantía del frigorífico",
            "Asks for a warranty repair of the fridge",
        ),
        (
            "Técnico citado para el martes de 9 a 11",
            "Technician booked for Tuesday 9–11",
        ),
        AFTER_SALES,
        (
            "Frigorífico no enfría; en garantía hasta marzo",
            "Fridge not cooling; under warranty until March",
        ),
    ),
    c(
        Category::Enquiry,
        &[Phone, Sms, OnlineChat],
        (
            "Consulta el saldo de puntos de su tarjeta de socio",
            "Asks for the points balance on their member card",
        ),
        (
            "Informado del saldo y de cómo canjearlo",
            "Told the balance and how to redeem it",
        ),
        STORE,
        (
            "Puntos de la última compra sin cargar",
            "Points from the last purchase not credited",
        ),
    ),
    c(
        Category::Order,
        &[Phone, Email],
        (
            "Pide cambiar la fecha de montaje de la cocina",
            "Asks to move the kitchen installation date",
        ),
        (
            "Montaje cambiado al día 18 a primera hora",
            "Installation moved to the 18th, first thing",
        ),
        INSTALLATION,
        (
            "Cliente no está el día previsto; buscar hueco",
            "Customer away on the planned day; find a slot",
        ),
    ),
    c(
        Category::Complaint,
        &[Phone, WalkIn],
        (
            "El técnico no se presentó a la cita acordada",
            "The technician did not come to the agreed appointment",
        ),
        (
            "Disculpas; nueva cita confirmada con el jefe de taller",
            "Apologised; new appointment confirmed with the workshop manager",
        ),
        AFTER_SALES,
        (
            "Segunda cita fallida; pide explicación",
            "Second missed appointment; wants an explanation",
        ),
    ),
    c(
        Category::Enquiry,
        &[Email, OnlineChat],
        (
            "Pide la factura a nombre de su empresa",
            "Asks for the invoice in their company's name",
        ),
        (
            "Factura emitida con el CIF y enviada por correo",
            "Invoice issued with the VAT number and e-mailed",
        ),
        ACCOUNTS,
        (
            "Rehacer factura con datos fiscales de la empresa",
            "Reissue the invoice with the company's tax details",
        ),
    ),
    c(
        Category::AfterSales,
        &[Phone, Messaging],
        (
            "Montaje incompleto: faltan tornillos del armario",
            "Incomplete assembly: wardrobe screws missing",
        ),
        (
            "Se envía el kit de tornillos por mensajero",
            "Screw kit sent by courier",
        ),
        INSTALLATION,
        (
            "Kit de tornillos del armario de 3 puertas",
            "Screw kit for the 3-door wardrobe",
        ),
    ),
    c(
        Category::Enquiry,
        &[OnlineChat, Phone, Email],
        (
            "Pregunta por la política de devolución de los pedidos online",
            "Asks about the return policy for online orders",
        ),
        (
            "Explicado: 30 días, con recogida gratuita",
            "Explained: 30 days, free collection",
        ),
        STORE,
        (
            "Caso dudoso: producto abierto",
            "Unclear case: product opened",
        ),
    ),
    c(
        Category::Claim,
        &[Email, Phone],
        (
            "El transportista perdió una caja del pedido",
            "The carrier lost one box of the order",
        ),
        (
            "Reclamación abierta con el transportista; se repone la caja",
            "Claim opened with the carrier; the box is replaced",
        ),
        LOGISTICS,
        (
            "Caja 2 de 3 no entregada; albarán adjunto",
            "Box 2 of 3 not delivered; delivery note attached",
        ),
    ),
    c(
        Category::GoodsInspection,
        &[WalkIn, Phone],
        (
            "La tapicería del sofá tiene una costura abierta",
            "The sofa upholstery has an open seam",
        ),
        (
            "Revisado en tienda; se cambia el cojín afectado",
            "Checked in store; the affected cushion is replaced",
        ),
        INSPECTION,
        (
            "Costura abierta en cojín central",
            "Open seam on the middle cushion",
        ),
    ),
    c(
        Category::Enquiry,
        &[Sms, Phone, Messaging],
        (
            "Quiere saber si el horno es compatible con su placa",
            "Wants to know whether the oven fits their hob",
        ),
        (
            "Confirmada la compatibilidad con el modelo de su placa",
            "Confirmed it fits their hob model",
        ),
        AFTER_SALES,
        (
            "Consultar ficha técnica del modelo",
            "Check the model's technical sheet",
        ),
    ),
    c(
        Category::Suggestion,
        &[Email, Messaging],
        (
            "Propone avisar por SMS media hora antes de la entrega",
            "Suggests a text half an hour before delivery",
        ),
        (
            "Agradecida; Logística lo estudia para el próximo mes",
            "Thanked; Logistics is looking at it for next month",
        ),
        LOGISTICS,
        (
            "Sugerencia de aviso previo por SMS",
            "Suggestion: text before delivery",
        ),
    ),
    c(
        Category::Order,
        &[WalkIn, Phone, OnlineChat],
        (
            "Quiere reservar el colchón de la promoción",
            "Wants to reserve the mattress on promotion",
        ),
        ("Reserva hecha hasta el sábado", "Reserved until Saturday"),
        STORE,
        (
            "Reservar colchón 150 de la promoción",
            "Reserve the promotional double mattress",
        ),
    ),
    c(
        Category::AfterSales,
        &[Phone, Email],
        (
            "El lavavajillas marca error E24 tras la instalación",
            "The dishwasher shows error E24 after installation",
        ),
        (
            "Guiado por teléfono: desagüe doblado; funciona",
            "Talked through it: bent drain hose; now working",
        ),
        AFTER_SALES,
        (
            "Error E24 persistente; visita técnica",
            "Error E24 persists; technician visit",
        ),
    ),
];

/// What customers say on a return visit.
pub const SUGGESTIONS: [Tr; 6] = [
    (
        "Que el montador avise cuando salga hacia casa",
        "The fitter should ring when they set off",
    ),
    (
        "Más horarios de entrega por la tarde",
        "More evening delivery slots",
    ),
    (
        "Que la web muestre el stock de la tienda",
        "Show store stock on the website",
    ),
    (
        "Aparcamiento para clientes más cerca de la entrada",
        "Customer parking nearer the entrance",
    ),
    (
        "Enviar la factura también por correo",
        "Send the invoice by e-mail too",
    ),
    ("Ampliar el horario del sábado", "Open later on Saturdays"),
];
pub const UNHAPPY: [Tr; 4] = [
    (
        "La entrega llegó dos horas tarde y nadie avisó",
        "The delivery was two hours late and nobody rang",
    ),
    (
        "Tuvo que llamar tres veces para que le atendieran",
        "Had to call three times to get through",
    ),
    (
        "El montador dejó el embalaje en el rellano",
        "The fitter left the packaging on the landing",
    ),
    (
        "El cambio de la pieza tardó más de lo prometido",
        "The replacement part took longer than promised",
    ),
];
pub const CALL_NOTES: [Tr; 3] = [
    (
        "Muy amable; agradece la llamada",
        "Very friendly; glad we called",
    ),
    ("Llamada breve, tenía prisa", "Short call, they were busy"),
    (
        "Pregunta por la próxima promoción",
        "Asked about the next promotion",
    ),
];
pub const REPLY_ABOUT: [Tr; 2] = [
    (
        "Confirmar si la garantía cubre el motor",
        "Confirm whether the warranty covers the motor",
    ),
    (
        "Enviar el catálogo de cocinas de este año",
        "Send this year's kitchen catalogue",
    ),
];
pub const RAISED: Tr = (
    "Sugerencia en la visita: avisar por SMS antes de la entrega",
    "Raised on a visit: text before delivery",
);

/// Customers of the kind "group": companies, associations, communities.
pub const GROUPS: [Tr; 16] = [
    ("Restaurante El Olivo", "The Olive Tree Restaurant"),
    (
        "Comunidad de vecinos Luna 5",
        "Riverside Residents' Association",
    ),
    ("Academia Idiomas Centro", "Northgate Language School"),
    ("Hotel Plaza Real", "Royal Square Hotel"),
    ("Clínica Dental Sonrisas", "Bright Smile Dental Practice"),
    ("Asociación Cultural La Noria", "Millbrook Community Centre"),
    (
        "Oficinas Técnicas Norte S.L.",
        "Northern Technical Offices Ltd",
    ),
    ("Colegio San Andrés", "St Andrew's Primary School"),
    (
        "Gestoría Martín y Asociados",
        "Martin & Partners Accountants",
    ),
    ("Residencia Los Almendros", "The Almond Trees Care Home"),
    ("Panadería La Espiga", "Golden Ear Bakery"),
    ("Peluquería Estilo", "Style Hair Salon"),
    ("Club Deportivo Ribera", "Riverside Sports Club"),
    ("Autoescuela Vía Rápida", "Fast Lane Driving School"),
    ("Farmacia Plaza Mayor", "Market Square Pharmacy"),
    ("Bufete Gil Abogados", "Gill & Co Solicitors"),
];
