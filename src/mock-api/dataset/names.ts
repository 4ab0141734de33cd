/**
 * Name pools for the generated world. Real places and plausible (fictional) people and clubs, with
 * the accents, apostrophes and hyphens the real API is full of, so that consumers meet them early.
 */

export interface Nation {
  /** As `/countries` spells it (hyphens for several words, like the real API). */
  country: string;
  /** As players' `nationality` and `birth.country` spell it. */
  nationality: string;
  code: string;
  firstNames: string[];
  lastNames: string[];
  cities: string[];
  /** Brazilian-style single-name players ("Fernandinho"). */
  mononyms?: string[];
}

const split = (text: string) => text.split('|');

export const NATIONS: Nation[] = [
  {
    country: 'England', nationality: 'England', code: 'GB-ENG',
    firstNames: split('Harry|Jack|Oliver|James|Marcus|Declan|Jordan|Kieran|Reece|Callum|Ben|Aaron|Conor|Luke|Mason|Jarrod|Ollie|Tyrone|Ezri|Bukayo'),
    lastNames: split('Walsh|Pickering|Whitmore|Haddon|Ashworth|Rowntree|Fairclough|Kettering|Stanhope|Brereton|Colville|Latham|Ogden|Blackwood|Thornbury|Penrose|Eastwood|Marsh|Holloway|Cartwright'),
    cities: split('London|Manchester|Liverpool|Birmingham|Leeds|Sheffield|Bristol|Newcastle upon Tyne|Nottingham|Leicester|Southampton|Norwich|Brighton|Sunderland|Hull|York|Oxford|Luton|Cheltenham|Gillingham'),
  },
  {
    country: 'Scotland', nationality: 'Scotland', code: 'GB-SCT',
    firstNames: split('Callum|Scott|Andrew|Kieran|Ryan|Lewis|Billy|Stuart|Grant|Fraser'),
    lastNames: split("McGinn|McTavish|Robertson|O'Hare|Fraser|Dykes|McLean|Gilmour|Armstrong|Hendry"),
    cities: split('Glasgow|Edinburgh|Aberdeen|Dundee|Inverness|Kilmarnock|Motherwell|Perth|Paisley|Stirling'),
  },
  {
    country: 'Ireland', nationality: 'Ireland', code: 'IE',
    firstNames: split('Seamus|Evan|Nathan|Séamus|Cian|Darragh|Caoimhín|Troy|Jason|Adam'),
    lastNames: split("O'Brien|O'Shea|Ó Dálaigh|McCarthy|Ferguson|Doherty|Kelleher|Ó Briain|Collins|Brady"),
    cities: split('Dublin|Cork|Limerick|Galway|Waterford|Dundalk|Sligo|Drogheda|Kilkenny|Athlone'),
  },
  {
    country: 'France', nationality: 'France', code: 'FR',
    firstNames: split('Théo|Aurélien|Jérémy|Kylian|Antoine|Benoît|Hugo|Mattéo|Lucas|Aymeric|Rayan|Warren|Désiré|Loïc|Clément'),
    lastNames: split("Lefèvre|Mbappé-Lacroix|Dubois|Giroud|Tchouaméni|Camavinga|Koundé|Saliba|Thuram|Rabiot|Fofana|Guendouzi|Lemaître|Chevallier|N'Dicka"),
    cities: split('Paris|Marseille|Lyon|Toulouse|Nice|Nantes|Montpellier|Strasbourg|Bordeaux|Lille|Rennes|Saint-Étienne|Nîmes|Besançon'),
  },
  {
    country: 'Spain', nationality: 'Spain', code: 'ES',
    firstNames: split('Álvaro|Iñaki|Sergio|Pedro|Dani|Unai|Ferran|Rodrigo|Mikel|Aitor|Joaquín|Íñigo|Pau|Marcos|Nacho'),
    lastNames: split('Muñoz|Hernández|García|Iñíguez|Olmo|Simón|Llorente|Gavilán|Zubimendi|Oyarzabal|Peña|Núñez|Fernández|Ibáñez|Castaño'),
    cities: split('Madrid|Barcelona|Sevilla|Valencia|Bilbao|Málaga|Zaragoza|Vigo|Gijón|Pamplona|San Sebastián|Cádiz|Almería|Getafe'),
  },
  {
    country: 'Portugal', nationality: 'Portugal', code: 'PT',
    firstNames: split('João|Rúben|Gonçalo|Bernardo|Vitinha|Diogo|Nuno|Rafael|Otávio|Pedro'),
    lastNames: split('Conceição|Gonçalves|Neves|Patrício|Leão|Guerreiro|Pereira|Magalhães|Simões|Araújo'),
    cities: split('Lisboa|Porto|Braga|Guimarães|Coimbra|Faro|Funchal|Setúbal|Aveiro|Vila do Conde'),
  },
  {
    country: 'Germany', nationality: 'Germany', code: 'DE',
    firstNames: split('Jürgen|Leon|Jonas|Florian|Kai|Niklas|Maximilian|Jörg|Timo|Lukas|Jamal|Thilo|Mats|Björn|Günter'),
    lastNames: split('Müller|Schäfer|Größer|Köhler|Brandt|Kimmich|Süle|Wirtz|Havertz|Rüdiger|Schlotterbeck|Gündoğan|Weiß|Hofmann|Böhm'),
    cities: split('Berlin|Hamburg|München|Köln|Frankfurt am Main|Stuttgart|Düsseldorf|Dortmund|Bremen|Leipzig|Mönchengladbach|Nürnberg|Freiburg im Breisgau|Würzburg'),
  },
  {
    country: 'Netherlands', nationality: 'Netherlands', code: 'NL',
    firstNames: split('Virgil|Frenkie|Matthijs|Cody|Teun|Jurriën|Xavi|Denzel|Stefan|Joël'),
    lastNames: split("van den Berg|de Jong|Koopmeiners|van Dijk|Timber|Gravenberch|de Vrij|Bergwijn|Veltman|ter Stegen-Kuipers"),
    cities: split('Amsterdam|Rotterdam|Eindhoven|Utrecht|Den Haag|Groningen|Arnhem|Alkmaar|Enschede|Nijmegen'),
  },
  {
    country: 'Belgium', nationality: 'Belgium', code: 'BE',
    firstNames: split('Kevin|Youri|Thibaut|Axel|Leandro|Amadou|Jérémy|Arthur|Loïs|Charles'),
    lastNames: split("De Ketelaere|Tielemans|Vermeeren|Openda|Onana-Dupont|Castagne|Debast|De Cuyper|Lukebakio|Vanaken"),
    cities: split('Bruxelles|Antwerpen|Gent|Brugge|Liège|Charleroi|Leuven|Mechelen|Genk|Namur'),
  },
  {
    country: 'Italy', nationality: 'Italy', code: 'IT',
    firstNames: split('Niccolò|Federico|Gianluigi|Lorenzo|Nicolò|Alessandro|Davide|Sandro|Mattia|Giacomo|Andrea|Ciro'),
    lastNames: split("Barella|Chiesa|Dimarco|Bastoni|Frattesi|Tonali|Scamacca|Zaniolo|D'Ambrosio|Dell'Orco|Locatelli|Raspadori"),
    cities: split('Milano|Roma|Napoli|Torino|Firenze|Bologna|Genova|Verona|Bergamo|Udine|Cagliari|Palermo|Lecce'),
  },
  {
    country: 'Norway', nationality: 'Norway', code: 'NO',
    firstNames: split('Martin|Erling|Sander|Kristoffer|Ørjan|Jørgen|Fredrik|Håvard|Mats|Øyvind'),
    lastNames: split('Ødegaard|Sørloth|Berge|Ajer|Strand Larsen|Nyland|Bobb|Østigård|Thorstvedt|Aursnes'),
    cities: split('Oslo|Bergen|Trondheim|Stavanger|Drammen|Tromsø|Bodø|Molde|Ålesund|Kristiansand'),
  },
  {
    country: 'Denmark', nationality: 'Denmark', code: 'DK',
    firstNames: split('Rasmus|Pierre-Emile|Joakim|Mikkel|Søren|Andreas|Jesper|Morten|Jonas|Kasper'),
    lastNames: split('Højlund|Højbjerg|Mæhle|Damsgaard|Kjær|Christensen|Nørgaard|Lindstrøm|Wind|Schmeichel-Holm'),
    cities: split('København|Aarhus|Odense|Aalborg|Esbjerg|Randers|Vejle|Horsens|Herning|Brøndby'),
  },
  {
    country: 'Sweden', nationality: 'Sweden', code: 'SE',
    firstNames: split('Viktor|Alexander|Dejan|Emil|Jens|Anthony|Hugo|Isak|Ludwig|Gustaf'),
    lastNames: split('Gyökeres|Isak-Lindqvist|Kulusevski|Forsberg|Åkesson|Lindelöf|Ekdal|Hedlund|Söderberg|Zackrisson'),
    cities: split('Stockholm|Göteborg|Malmö|Uppsala|Örebro|Norrköping|Helsingborg|Linköping|Västerås|Jönköping'),
  },
  {
    country: 'Brazil', nationality: 'Brazil', code: 'BR',
    firstNames: split('Vinícius|Gabriel|Lucas|João Pedro|Bruno|Éderson|Rodrygo|Gonçalo|Matheus|André'),
    lastNames: split('Guimarães|Magalhães|Paquetá|Martinelli|Antônio|Casemiro|Marquinhos|Bremer|Jesus|Sávio'),
    cities: split('São Paulo|Rio de Janeiro|Belo Horizonte|Porto Alegre|Salvador|Recife|Curitiba|Fortaleza|Goiânia|Manaus'),
    mononyms: split('Fernandinho|Paulinho|Juninho|Rodrigão|Danilo|Thiaguinho|Felipão|Zé Roberto|Tetê|Wesley'),
  },
  {
    country: 'Argentina', nationality: 'Argentina', code: 'AR',
    firstNames: split('Lautaro|Julián|Enzo|Alexis|Nicolás|Rodrigo|Cristian|Emiliano|Giovani|Ángel'),
    lastNames: split('Martínez|Álvarez|Fernández|Mac Allister|Otamendi|De Paul|Romero|Tagliafico|Lo Celso|Di María'),
    cities: split('Buenos Aires|Rosario|Córdoba|Mendoza|La Plata|Mar del Plata|Tucumán|Santa Fe|Salta|Avellaneda'),
  },
  {
    country: 'Uruguay', nationality: 'Uruguay', code: 'UY',
    firstNames: split('Federico|Darwin|Ronald|José María|Manuel|Rodrigo|Facundo|Sebastián|Maximiliano|Matías'),
    lastNames: split('Valverde|Núñez|Araújo|Giménez|Ugarte|Bentancur|Pellistri|Cáceres|Olivera|Viña'),
    cities: split('Montevideo|Salto|Paysandú|Rivera|Maldonado|Tacuarembó|Melo|Mercedes|Artigas|Minas'),
  },
  {
    country: 'Colombia', nationality: 'Colombia', code: 'CO',
    firstNames: split('Luis|James|Jhon|Davinson|Yerry|Daniel|Jefferson|Richard|Juan Guillermo|Jhon Jáder'),
    lastNames: split('Díaz|Rodríguez|Arias|Sánchez|Mina|Muñoz|Lerma|Ríos|Cuadrado|Durán'),
    cities: split('Bogotá|Medellín|Cali|Barranquilla|Cartagena|Bucaramanga|Pereira|Santa Marta|Manizales|Cúcuta'),
  },
  {
    country: 'Senegal', nationality: 'Senegal', code: 'SN',
    firstNames: split('Sadio|Kalidou|Idrissa|Ismaïla|Pape Matar|Abdou|Nampalys|Iliman|Habib|Boulaye'),
    lastNames: split("Diallo|Koulibaly|Gueye|Sarr|N'Diaye|Mendy|Diatta|Ndiaye|Diarra|Dia"),
    cities: split('Dakar|Thiès|Saint-Louis|Ziguinchor|Kaolack|Mbour|Rufisque|Touba|Kolda|Tambacounda'),
  },
  {
    country: 'Ivory-Coast', nationality: 'Ivory Coast', code: 'CI',
    firstNames: split("N'Golo|Franck|Sébastien|Wilfried|Serge|Odilon|Evan|Ibrahim|Simon|Seko"),
    lastNames: split("Kessié|Haller|Zaha|Aurier|N'Dri|Kossounou|Sangaré|Adingra|Fofana|Boly"),
    cities: split('Abidjan|Bouaké|Daloa|Yamoussoukro|San-Pédro|Korhogo|Man|Gagnoa|Divo|Anyama'),
  },
  {
    country: 'Nigeria', nationality: 'Nigeria', code: 'NG',
    firstNames: split('Victor|Ademola|Samuel|Wilfred|Alex|Calvin|Kelechi|Taiwo|Ola|Frank'),
    lastNames: split('Osimhen|Lookman|Chukwueze|Ndidi|Iwobi|Bassey|Iheanacho|Awoniyi|Aina|Onyeka'),
    cities: split('Lagos|Abuja|Kano|Ibadan|Port Harcourt|Enugu|Benin City|Kaduna|Jos|Owerri'),
  },
  {
    country: 'Morocco', nationality: 'Morocco', code: 'MA',
    firstNames: split('Achraf|Hakim|Sofyan|Youssef|Azzedine|Noussair|Bilal|Abdessamad|Amine|Yassine'),
    lastNames: split("Hakimi|Ziyech|Amrabat|En-Nesyri|Ounahi|Mazraoui|El Khannouss|Ezzalzouli|Harit|Bounou"),
    cities: split('Casablanca|Rabat|Marrakech|Fès|Tanger|Agadir|Meknès|Oujda|Kénitra|Tétouan'),
  },
  {
    country: 'Croatia', nationality: 'Croatia', code: 'HR',
    firstNames: split('Luka|Mateo|Joško|Ivan|Marcelo|Andrej|Lovro|Josip|Borna|Dominik'),
    lastNames: split('Modrić|Kovačić|Gvardiol|Perišić|Brozović|Kramarić|Majer|Stanišić|Šutalo|Livaković'),
    cities: split('Zagreb|Split|Rijeka|Osijek|Zadar|Pula|Slavonski Brod|Karlovac|Varaždin|Šibenik'),
  },
  {
    country: 'Serbia', nationality: 'Serbia', code: 'RS',
    firstNames: split('Dušan|Aleksandar|Sergej|Filip|Nikola|Strahinja|Nemanja|Luka|Andrija|Lazar'),
    lastNames: split('Vlahović|Mitrović|Milinković-Savić|Kostić|Milenković|Pavlović|Gudelj|Jović|Živković|Samardžić'),
    cities: split('Beograd|Novi Sad|Niš|Kragujevac|Subotica|Čačak|Zrenjanin|Pančevo|Kraljevo|Leskovac'),
  },
  {
    country: 'Poland', nationality: 'Poland', code: 'PL',
    firstNames: split('Robert|Piotr|Wojciech|Jakub|Przemysław|Kamil|Łukasz|Mateusz|Sebastian|Krzysztof'),
    lastNames: split('Lewandowski|Zieliński|Szczęsny|Kiwior|Frankowski|Grosicki|Bednarek|Świderski|Piątek|Żurkowski'),
    cities: split('Warszawa|Kraków|Łódź|Wrocław|Poznań|Gdańsk|Szczecin|Lublin|Białystok|Katowice'),
  },
  {
    country: 'Czech-Republic', nationality: 'Czech Republic', code: 'CZ',
    firstNames: split('Tomáš|Patrik|Vladimír|Adam|Lukáš|Ondřej|Jiří|Václav|Antonín|Matěj'),
    lastNames: split('Souček|Schick|Coufal|Hložek|Provod|Černý|Holeš|Krejčí|Kuchta|Jankto'),
    cities: split('Praha|Brno|Ostrava|Plzeň|Liberec|Olomouc|Zlín|Jablonec nad Nisou|Teplice|Hradec Králové'),
  },
  {
    country: 'Turkey', nationality: 'Turkey', code: 'TR',
    firstNames: split('Hakan|Arda|Kerem|Çağlar|Ferdi|Barış Alper|Kenan|Orkun|Uğurcan|Mert'),
    lastNames: split('Çalhanoğlu|Güler|Aktürkoğlu|Söyüncü|Kadıoğlu|Yılmaz|Kökçü|Çakır|Müldür|Gül'),
    cities: split('İstanbul|Ankara|İzmir|Bursa|Trabzon|Antalya|Konya|Kayseri|Gaziantep|Eskişehir'),
  },
  {
    country: 'Austria', nationality: 'Austria', code: 'AT',
    firstNames: split('David|Marcel|Konrad|Christoph|Nicolas|Stefan|Philipp|Florian|Maximilian|Patrick'),
    lastNames: split('Alaba|Sabitzer|Laimer|Baumgartner|Seiwald|Posch|Wöber|Grüll|Schlager|Danso'),
    cities: split('Wien|Graz|Linz|Salzburg|Innsbruck|Klagenfurt|Sankt Pölten|Wolfsberg|Hartberg|Altach'),
  },
  {
    country: 'Switzerland', nationality: 'Switzerland', code: 'CH',
    firstNames: split('Granit|Manuel|Yann|Breel|Denis|Fabian|Rémo|Ruben|Dan|Silvan'),
    lastNames: split('Xhaka|Akanji|Sommer|Embolo|Zakaria|Schär|Freuler|Vargas|Ndoye|Widmer'),
    cities: split('Zürich|Genève|Basel|Bern|Lausanne|Luzern|St. Gallen|Lugano|Sion|Winterthur'),
  },
  {
    country: 'Greece', nationality: 'Greece', code: 'GR',
    firstNames: split('Konstantinos|Giorgos|Anastasios|Dimitrios|Christos|Vangelis|Odysseas|Manolis|Kostas|Petros'),
    lastNames: split('Tsimikas|Mavropanos|Bakasetas|Pavlidis|Tzolis|Masouras|Vlachodimos|Siopis|Giakoumakis|Mantalos'),
    cities: split('Athina|Thessaloniki|Peiraiás|Pátra|Irákleio|Lárisa|Vólos|Ioánnina|Kavála|Xánthi'),
  },
  {
    country: 'Japan', nationality: 'Japan', code: 'JP',
    firstNames: split('Takefusa|Kaoru|Takehiro|Wataru|Daichi|Ritsu|Ao|Junya|Hiroki|Ayase'),
    lastNames: split('Kubo|Mitoma|Tomiyasu|Endō|Kamada|Dōan|Tanaka|Itō|Ueda|Minamino'),
    cities: split('Tōkyō|Ōsaka|Yokohama|Nagoya|Sapporo|Kōbe|Kyōto|Fukuoka|Kawasaki|Hiroshima'),
  },
  {
    country: 'South-Korea', nationality: 'Korea Republic', code: 'KR',
    firstNames: split('Heung-min|Min-jae|Kang-in|Hee-chan|Jae-sung|Gue-sung|In-beom|Woo-yeong|Seung-ho|Young-gwon'),
    lastNames: split('Son|Kim|Lee|Hwang|Cho|Jeong|Paik|Park|Seol|Oh'),
    cities: split('Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Suwon|Jeonju|Pohang'),
  },
  {
    country: 'USA', nationality: 'USA', code: 'US',
    firstNames: split('Christian|Weston|Tyler|Sergiño|Giovanni|Tim|Yunus|Ricardo|Folarin|Matt'),
    lastNames: split('Pulisic|McKennie|Adams|Dest|Reyna|Weah|Musah|Pepi|Balogun|Turner'),
    cities: split('New York|Los Angeles|Chicago|Houston|Philadelphia|Seattle|Atlanta|Dallas|Denver|Portland'),
  },
];

/**
 * Mexico plays Liga MX, the split-season league (Apertura and Clausura). Kept out of NATIONS, whose
 * order and length the rest of the world is drawn from, so the demo's data stays what it was.
 */
export const MEXICO: Nation = {
  country: 'Mexico', nationality: 'Mexico', code: 'MX',
  firstNames: split('Hirving|Edson|Raúl|Guillermo|Héctor|Jesús|Orbelín|Luis|César|Santiago|Uriel|Érick'),
  lastNames: split('Lozano|Álvarez|Jiménez|Ochoa|Herrera|Corona|Pineda|Chávez|Montes|Giménez|Antuna|Sánchez'),
  cities: split('Ciudad de México|Guadalajara|Monterrey|Puebla|Toluca|León|Querétaro|Torreón|Tijuana|Pachuca|Mazatlán|Aguascalientes'),
};

export function nationNamed(country: string): Nation {
  const nation = [...NATIONS, MEXICO].find((n) => n.country === country);
  if (nation === undefined) throw new Error(`no name pool for ${country}`);
  return nation;
}

/** A club of the demo dataset: fixed identity, generated squad. */
export interface ClubSeed {
  id: number;
  name: string;
  code: string;
  country: string;
  city: string;
  founded: number | null;
  venue: { name: string; address: string | null; capacity: number; surface: string };
  /** 0.7 (weak) .. 1.4 (strong): drives the simulated results. */
  strength: number;
}

const club = (
  id: number, name: string, code: string, country: string, city: string, founded: number | null,
  venueName: string, address: string | null, capacity: number, strength: number, surface = 'grass',
): ClubSeed => ({ id, name, code, country, city, founded, venue: { name: venueName, address, capacity, surface }, strength });

/** League 39: twenty English clubs (fictional names, real towns). */
export const ENGLISH_CLUBS: ClubSeed[] = [
  club(33, 'Thameside Rovers', 'THR', 'England', 'London', 1886, 'Riverside Park', 'Wharf Road', 60704, 1.38),
  club(34, 'Pennine City', 'PEN', 'England', 'Manchester', 1880, 'Irwell Stadium', 'Rowsley Street', 53400, 1.36),
  club(35, 'Mersey Albion', 'MER', 'England', 'Liverpool', 1892, "Albion's Field", 'Anfield Road', 54074, 1.3),
  club(36, 'Tyneside Athletic', 'TYN', 'England', 'Newcastle upon Tyne', 1892, 'Gallowgate Park', 'Barrack Road', 52305, 1.22),
  club(37, 'Ashby United', 'ASH', 'England', 'Birmingham', 1874, 'Villa Lane', 'Trinity Road', 42785, 1.12),
  club(38, "St Aldate's", 'SAL', 'England', 'Oxford', 1893, 'Grandpont Ground', "St Aldate's", 12500, 0.86),
  club(39, 'Brackley Forest', 'BFO', 'England', 'Nottingham', 1865, 'Trentside Ground', 'Pavilion Road', 30445, 0.95),
  club(40, 'Severn Vale', 'SEV', 'England', 'Bristol', 1894, 'Ashton Meadow', null, 27000, 0.9),
  club(41, 'Harbour Wanderers', 'HAR', 'England', 'Southampton', 1885, "St Mary's Quay", 'Britannia Road', 32384, 0.98),
  club(42, 'Downs Wanderers', 'DOW', 'England', 'Brighton', 1901, 'Falmer Downs', 'Village Way', 31876, 1.08),
  club(43, 'Sheaf United', 'SHU', 'England', 'Sheffield', 1889, 'Bramall Works', 'Bramall Lane', 32050, 0.8),
  club(44, 'Aire Valley', 'AIR', 'England', 'Leeds', 1919, 'Elland Terrace', 'Elland Road', 37890, 1.0),
  club(45, 'Chilterns', 'CHI', 'England', 'Luton', 1885, 'Kenilworth Yard', 'Maple Road', 10356, 0.78),
  club(46, 'Fosse Rovers', 'FOS', 'England', 'Leicester', 1884, 'Filbert Park', 'Filbert Way', 32261, 1.02),
  club(47, 'Broadland City', 'BRO', 'England', 'Norwich', 1902, 'Carrow Meadows', 'Carrow Road', 27244, 0.88),
  club(48, 'Wearmouth Town', 'WEA', 'England', 'Sunderland', 1879, 'Wearside Light', 'Vaux Brewery Way', 49000, 0.92),
  club(49, 'Wolds Town', 'WOL', 'England', 'Hull', 1904, 'Humber Ground', 'Walton Street', 25400, 0.84),
  club(50, 'Kingsbridge Athletic', 'KIN', 'England', 'London', 1905, 'Kingsbridge Lane', 'Fulham Road', 40343, 1.18),
  club(51, 'Ouse Valley', 'OUS', 'England', 'York', 1922, 'Bootham Crescent', null, 8256, 0.82),
  club(52, 'Broadway Athletic', 'BRW', 'England', 'Cheltenham', 1887, 'Whaddon Park', 'Whaddon Road', 7066, 0.8, 'artificial turf'),
];

/** League 2: the twenty-eight clubs from abroad that join the four best English clubs. */
export const EUROPEAN_CLUBS: ClubSeed[] = [
  club(500, 'Real Club Alcázar', 'ALC', 'Spain', 'Madrid', 1902, 'Estadio del Alcázar', 'Avenida de Concha Espina 1', 81044, 1.4),
  club(501, 'CD Montjuïc', 'MON', 'Spain', 'Barcelona', 1899, 'Estadi de Montjuïc', 'Passeig Olímpic 17-19', 55926, 1.34),
  club(502, 'Sporting Guadalquivir', 'GUA', 'Spain', 'Sevilla', 1905, 'Estadio Ramón de Triana', 'Calle Sevilla Fútbol Club', 43883, 1.1),
  club(503, 'Atlético Turia', 'TUR', 'Spain', 'Valencia', 1919, 'Nou Estadi del Túria', 'Avinguda de Suècia', 49430, 1.08),
  club(504, 'FC Isartal', 'ISA', 'Germany', 'München', 1900, 'Isartal-Arena', 'Werner-Heisenberg-Allee 25', 75024, 1.39),
  club(505, 'Borussia Elbe', 'ELB', 'Germany', 'Hamburg', 1909, 'Elbufer-Stadion', 'Sylvesterallee 7', 57000, 1.15),
  club(506, '1. FC Mühlental', 'MUE', 'Germany', 'Düsseldorf', 1895, 'Rheinwiesen-Arena', 'Arena-Straße 1', 54600, 1.05),
  club(507, 'TSV Neckarau 04', 'NEC', 'Germany', 'Stuttgart', 1904, 'Neckarpark-Stadion', 'Mercedesstraße 87', 60449, 1.12),
  club(508, 'AC Navigli', 'NAV', 'Italy', 'Milano', 1899, 'Stadio dei Navigli', 'Piazzale Angelo Moratti', 75923, 1.3),
  club(509, 'US Tevere', 'TEV', 'Italy', 'Roma', 1927, 'Stadio Flaminio Nuovo', 'Viale dello Stadio Olimpico', 70634, 1.14),
  club(510, 'SSC Vesuvio', 'VES', 'Italy', 'Napoli', 1926, 'Stadio di Fuorigrotta', 'Piazzale Vincenzo Tecchio', 54726, 1.2),
  club(511, 'AS Mole Torino', 'MOL', 'Italy', 'Torino', 1906, "Stadio dell'Adriatico", 'Corso Gaetano Scirea 50', 41507, 1.16),
  club(512, 'Olympique Calanques', 'CAL', 'France', 'Marseille', 1899, 'Stade des Calanques', 'Boulevard Michelet 3', 67394, 1.06),
  club(513, 'Paris Étoile FC', 'ETO', 'France', 'Paris', 1970, "Parc de l'Étoile", 'Rue du Commandant Guilbaud 24', 47929, 1.33),
  club(514, 'AS Rhône-Lumière', 'RHO', 'France', 'Lyon', 1950, 'Stade des Lumières', 'Avenue Simone Veil 10', 59186, 1.02),
  club(515, 'SC Tejo', 'TEJ', 'Portugal', 'Lisboa', 1906, 'Estádio do Tejo', 'Rua Professor Fernando da Fonseca', 50095, 1.09),
  club(516, 'FC Ribeira', 'RIB', 'Portugal', 'Porto', 1893, 'Estádio da Ribeira', 'Via Futebol Clube do Porto', 50033, 1.11),
  club(517, 'Vitória do Minho', 'MIN', 'Portugal', 'Braga', 1921, 'Estádio Municipal do Minho', 'Parque Norte', 30286, 0.95),
  club(518, 'AFC Amstel', 'AMS', 'Netherlands', 'Amsterdam', 1900, 'Amstel ArenA', 'Johan Cruijff Boulevard 1', 55865, 1.07),
  club(519, 'SV Maasstad', 'MAA', 'Netherlands', 'Rotterdam', 1908, 'Stadion De Kuip-Zuid', 'Van Zandvlietplein 1', 51117, 1.0),
  club(520, 'Royal Schelde', 'SCH', 'Belgium', 'Antwerpen', 1880, 'Scheldestadion', 'Oude Bosuil 1', 16144, 0.96),
  club(521, 'Clydebank Thistle', 'CLY', 'Scotland', 'Glasgow', 1887, 'Thistle Park', 'Kerrydale Street', 60411, 0.98),
  club(522, 'SK Donau Wien', 'DON', 'Austria', 'Wien', 1897, 'Donaupark-Stadion', 'Keisslergasse 6', 28345, 0.92),
  club(523, 'BSC Aare', 'AAR', 'Switzerland', 'Bern', 1898, 'Stadion Aareufer', 'Papiermühlestrasse 71', 31783, 0.93),
  club(524, 'Boğaziçi SK', 'BOG', 'Turkey', 'İstanbul', 1905, 'Boğaziçi Stadyumu', 'Seyrantepe Mahallesi', 52223, 1.01),
  club(525, 'PAE Saronikos', 'SAR', 'Greece', 'Peiraiás', 1925, 'Stádio Saronikoú', 'Leoforos Poseidonos', 32115, 0.9),
  club(526, 'FC Øresund', 'ORE', 'Denmark', 'København', 1992, 'Øresund Park', 'Per Henrik Lings Allé 2', 38065, 0.94),
  club(527, 'SK Vltava Praha', 'VLT', 'Czech-Republic', 'Praha', 1892, 'Stadion Vltava', 'Milady Horákové 1066', 19370, 0.91),
];

/** Where the cup final is played: a neutral ground that `/venues` knows but no club plays at. */
export const FINAL_VENUE = {
  id: 4990, name: 'National Stadium', address: 'Olympic Way', city: 'London', country: 'England',
  capacity: 90000, surface: 'grass',
};

/** Suffixes and prefixes for the clubs of generated (scale) leagues. */
export const CLUB_PATTERNS = ['FC {city}', '{city} United', 'Sporting {city}', 'Athletic {city}', '{city} City', 'Racing {city}'];

export const INJURY_REASONS = [
  'Knee Injury', 'Hamstring Injury', 'Ankle Injury', 'Muscle Injury', 'Groin Injury', 'Calf Injury',
  'Illness', 'Back Injury', 'Foot Injury', 'Thigh Injury', 'Suspended', 'Yellow Cards', 'Red Card',
];

export const CARD_COMMENTS = ['Foul', 'Foul', 'Foul', 'Foul', 'Argument', 'Time wasting', 'Handball', 'Simulation'];
export const RED_CARD_COMMENTS = ['Professional foul last man', 'Serious Foul', 'Violent conduct'];
