package io.wirestream.bench;

import java.util.SplittableRandom;

/**
 * What a generated dispatch is about, with the headlines, leads and sentences of the kind. Three of the nine are
 * the bundled rules' subjects, so about a third of the dispatches are routed to a subject; the other six are
 * the wire's everyday news. A {@code figure} holds {@code %,d}, filled with a number unique to the dispatch.
 */
enum Theme {

    NORTH_KOREA("SEOUL",
            new String[] {"N. Korea fires short-range ballistic missile into East Sea: JCS",
                "N. Korea's Kim Jong-un inspects new weapons factory, vows stronger nuclear force",
                "N. Korea sends more trash balloons across border, military says",
                "Unification ministry urges N. Korea to respond to offer of talks",
                "N. Korean defector who fled by boat arrives in {city}, officials say",
                "N. Korea slams allied drills as rehearsal for invasion"},
            new String[] {"North Korea fired what appeared to be a short-range ballistic missile toward the East Sea "
                    + "on {day}, the Joint Chiefs of Staff (JCS) said, the latest in a series of launches this year.",
                "North Korean leader Kim Jong-un visited a munitions factory and called for faster production of "
                        + "missiles, the Korean Central News Agency (KCNA) reported {day}.",
                "The unification ministry on {day} called on Pyongyang to accept its proposal for inter-Korean talks "
                        + "on the reunion of separated families."},
            new String[] {"The missile flew about {num}0 kilometers before splashing into waters off the North's east "
                    + "coast, the JCS said in a text message to reporters.",
                "South Korean and U.S. intelligence authorities are analyzing the details of the launch, it added.",
                "Kim was accompanied by senior officials of the Workers' Party, KCNA said, without giving the exact "
                        + "location of the factory.",
                "The North has stepped up its weapons tests in recent months, raising tension on the Korean Peninsula.",
                "Pyongyang has not responded to the ministry's phone calls through the liaison channel since {year}.",
                "The defector, believed to be a man in his {num}s, expressed his wish to stay in the South, "
                        + "according to {title}.",
                "North Korea has rejected Seoul's offers of dialogue and declared the South its principal enemy.",
                "The Rodong Sinmun, the North's main newspaper, carried photos of Kim touring the production lines.",
                "Experts say the North may be testing missiles before shipping them to Russia, a claim Pyongyang denies.",
                "The military said it maintains a firm readiness posture and is closely monitoring the North's moves."},
            new String[] {"The North has fired %,d artillery shells near the border area since January, the JCS said.",
                "About %,d balloons carrying trash have been found in the South so far, the military said."}),

    ALLIANCE("SEOUL",
            new String[] {"S. Korea, U.S. begin combined air drills with B-52 bomber",
                "S. Korea, U.S. hold nuclear consultative group meeting on extended deterrence",
                "USFK commander vows ironclad commitment to alliance",
                "S. Korea, U.S., Japan stage trilateral naval exercise",
                "Allies kick off Ulchi Freedom Shield summer exercise",
                "U.S. aircraft carrier arrives in {city} for combined exercise"},
            new String[] {"South Korea and the United States began combined air drills on {day} involving a U.S. B-52H "
                    + "strategic bomber, the defense ministry said, in a show of force against North Korea.",
                "Senior officials of South Korea and the United States met in Washington on {day} for the Nuclear "
                        + "Consultative Group (NCG) talks on strengthening extended deterrence.",
                "The allies launched their annual Ulchi Freedom Shield exercise on {day}, involving about {num},000 "
                        + "South Korean troops and U.S. Forces Korea (USFK) personnel."},
            new String[] {"The drills are aimed at bolstering the allies' combined defense posture, the Joint Chiefs of "
                    + "Staff said.",
                "About 28,500 U.S. troops are stationed in South Korea as a legacy of the 1950-53 Korean War.",
                "The two sides reaffirmed the Washington Declaration and the commitment to extended deterrence.",
                "The exercise includes combined field training at Camp Humphreys and Osan Air Base.",
                "The deployment of U.S. strategic assets will continue, {title} told reporters.",
                "The allies also agreed to expand trilateral security cooperation with Japan.",
                "USFK said the combined exercise is defensive in nature and in line with the Mutual Defense Treaty.",
                "The aircraft carrier strike group will take part in combined maritime drills with the South's navy.",
                "The defense ministers of the two countries are set to meet later this year to discuss the alliance.",
                "North Korea has denounced the combined drills as a rehearsal for an invasion."},
            new String[] {"A total of %,d service members took part in the combined exercise, USFK said.",
                "The allies flew %,d combined sorties during the drills, the air force said."}),

    DEFENSE_COST("SEOUL",
            new String[] {"Defense budget set to rise {pct} pct next year to {won} tln won",
                "S. Korea, U.S. open talks on defense cost-sharing for USFK",
                "S. Korea to buy {num} more F-35A fighter jets",
                "Monthly pay for conscripts to rise to {num}0,000 won",
                "DAPA approves {won} tln-won plan to procure interceptors",
                "Parliament committee trims military spending plan"},
            new String[] {"South Korea's defense budget will rise {pct} percent next year to {won} trillion won, the "
                    + "defense ministry said {day}, as the military expands its missile defense.",
                "South Korea and the United States opened talks on {day} on how much Seoul will pay for the upkeep of "
                        + "U.S. troops under the Special Measures Agreement (SMA).",
                "The Defense Acquisition Program Administration (DAPA) on {day} approved a plan to purchase more "
                        + "fighter jets for about {won} trillion won."},
            new String[] {"Of the total, {won} trillion won will go to force improvement programs, the ministry said.",
                "The budget for the force operation sector was set at {won} trillion won.",
                "Seoul paid {won} trillion won this year for the stationing costs of USFK.",
                "The defense budget bill will be submitted to the National Assembly next month.",
                "The government plans to raise the monthly pay of sergeants and enlisted soldiers next year.",
                "The procurement is expected to run through {year} under a Foreign Military Sales contract.",
                "Negotiators discussed the cost-sharing for U.S. troops in Seoul for two days.",
                "The military spending plan includes anti-drone systems and missile defense interceptors.",
                "Lawmakers questioned the cost of the weapons purchase at the National Assembly.",
                "The mid-term defense plan calls for an average annual increase of {pct} percent in defense spending."},
            new String[] {"The ministry put the defense budget for drones at %,d million won.",
                "Under the plan, %,d soldiers will receive the raised allowance, the ministry said."}),

    ECONOMY("SEJONG",
            new String[] {"Exports rise {pct} pct in {year} on chip demand",
                "Consumer prices up {pct} pct, slowest in {num} months",
                "{company} Q2 operating profit jumps on strong sales",
                "BOK holds key rate steady at {pct} pct",
                "Seoul shares close higher on tech gains",
                "Household debt rises for {num}th straight month"},
            new String[] {"South Korea's exports rose {pct} percent from a year earlier on robust demand for "
                    + "semiconductors, the industry ministry said {day}.",
                "The Bank of Korea kept its key interest rate unchanged at {pct} percent on {day}, citing uncertainties "
                        + "over inflation and household debt.",
                "{company} said {day} its operating profit rose {pct} percent on-year in the second quarter on "
                        + "solid sales of its main products."},
            new String[] {"Shipments of chips, the country's biggest export item, rose {pct} percent, the data showed.",
                "Imports fell {pct} percent, resulting in a trade surplus of {won} billion dollars.",
                "The benchmark KOSPI gained {pct} percent to close at {big} points.",
                "Foreign investors bought a net {won} billion won worth of stocks on the main board.",
                "Analysts expect the central bank to cut the rate later this year as inflation slows.",
                "Sales rose {pct} percent on-year to {won} trillion won, the company said in a regulatory filing.",
                "The {ministry} said it will closely monitor the market and take steps if needed.",
                "Shares of {company} rose {pct} percent, while those of {company} fell {pct} percent.",
                "Economists said weak domestic demand remains a drag on growth.",
                "The local currency closed at {big} won against the U.S. dollar."},
            new String[] {"Outstanding loans to households rose by %,d billion won from a month earlier.",
                "The company sold %,d units in the domestic market, up from a year earlier."}),

    TECH("SEOUL",
            new String[] {"{company} unveils new AI chip for data centers",
                "Gov't to invest {won} tln won in quantum technology",
                "Naver launches generative AI service for businesses",
                "S. Korea's first lunar orbiter sends new images",
                "Science ministry picks {num} startups for support program",
                "6G research center opens in {city}"},
            new String[] {"{company} on {day} unveiled a new artificial intelligence chip for data centers, aiming to "
                    + "grab a bigger share of the fast-growing market.",
                "The science ministry said {day} it will invest {won} trillion won in quantum computing and sensors "
                        + "over the next {num} years.",
                "Researchers in {city} said {day} they have developed a battery material that charges twice as fast."},
            new String[] {"The chip offers {num} percent better power efficiency than its predecessor, the company said.",
                "Mass production is scheduled to begin in the second half of the year.",
                "The ministry will also train {big} researchers in the field by {year}.",
                "The service will be offered to corporate clients first, the company said.",
                "Industry watchers say competition in the AI chip market is heating up.",
                "The research team published its findings in an international journal.",
                "The government hopes to nurture the industry as a new growth engine.",
                "{title} said the technology could be commercialized within {num} years.",
                "The startups will receive up to {won} billion won each in funding.",
                "The center will host joint research with universities and telecom operators."},
            new String[] {"The company has filed %,d patents related to the technology so far.",
                "The program drew %,d applications from across the country."}),

    CULTURE("SEOUL",
            new String[] {"K-pop group {group} tops Billboard chart with new album",
                "{group} to hold world tour in {num} cities",
                "Korean film wins top prize at international festival",
                "Netflix drama set in {city} becomes global hit",
                "Palace night tours to open in spring",
                "{group} sells {num}0,000 albums in first week"},
            new String[] {"K-pop boy band {group} topped the Billboard 200 albums chart with its new album, the "
                    + "group's agency said {day}.",
                "A Korean feature film won the top prize at an international film festival on {day}, its "
                        + "distributor said.",
                "The Cultural Heritage Administration said {day} night tours of Gyeongbok Palace will resume next month."},
            new String[] {"The album sold {big} copies in its first week of release.",
                "The group will kick off its world tour in {city} next month.",
                "Fans lined up for hours to buy tickets for the concert, which sold out in minutes.",
                "The director thanked the cast and crew in an acceptance speech.",
                "The drama has ranked first on the streaming platform's non-English TV chart for {num} weeks.",
                "Tickets for the night tours go on sale online on {day}.",
                "The agency said the members wrote most of the songs on the album.",
                "The festival screened {num} films from {num} countries this year.",
                "The actress won the best actress award for her role in the film.",
                "The palace tours are popular among both Korean and foreign visitors."},
            new String[] {"The music video drew %,d views within 24 hours of its release.",
                "The festival drew %,d visitors over the weekend, organizers said."}),

    SPORTS("SEOUL",
            new String[] {"{team} beat {team} 3-1 to go top of K League 1",
                "Son Heung-min scores twice as Spurs win",
                "S. Korea names squad for World Cup qualifiers",
                "{team} clinch regular season title in KBO",
                "Korean golfer wins LPGA event by {num} strokes",
                "National team coach faces criticism after draw"},
            new String[] {"{team} beat {team} 3-1 at home on {day} to move to the top of the K League 1 standings.",
                "South Korea's national football team coach named a {num}-man squad on {day} for next month's "
                        + "World Cup qualifiers.",
                "{team} clinched the regular season title in the Korea Baseball Organization (KBO) on {day} with "
                        + "a 5-2 win."},
            new String[] {"The striker scored in the {num}th minute with a header from a corner kick.",
                "The coach said the players showed great spirit in the second half.",
                "The team has won {num} of its last {num} matches in all competitions.",
                "The pitcher struck out {num} batters over seven innings.",
                "Fans filled the stadium to watch the season finale.",
                "The golfer carded a final-round 66 to finish at {num} under par.",
                "The national team will play its next qualifier away from home.",
                "The league's top scorer has netted {num} goals this season.",
                "The manager praised his team's defense after the victory.",
                "The championship series will begin next week."},
            new String[] {"The match drew a crowd of %,d at the stadium.",
                "A season-high %,d fans attended the game, the league said."}),

    SOCIETY("SEOUL",
            new String[] {"Police raid offices of {company} over alleged bribery",
                "Births rise for {num}th straight month",
                "Court sentences man to {num} years in prison for fraud",
                "Heat wave advisory issued for {city}",
                "Number of foreign tourists rises {pct} pct",
                "Subway fares to rise by 150 won in capital area"},
            new String[] {"Police raided the offices of {company} on {day} as part of an investigation into alleged "
                    + "bribery of public officials, investigators said.",
                "The number of babies born in South Korea rose {pct} percent from a year earlier, data showed {day}.",
                "The Korea Meteorological Administration issued a heat wave advisory for {city} on {day}, with "
                        + "temperatures expected to reach 35 C."},
            new String[] {"The suspect denied the allegations during questioning, police said.",
                "The total fertility rate remains the lowest among OECD members.",
                "The court said the crime caused great damage to the victims.",
                "Authorities urged residents to refrain from outdoor activities in the afternoon.",
                "Chinese and Japanese tourists accounted for the largest share of visitors.",
                "The city government said the fare increase was unavoidable due to rising costs.",
                "The {ministry} said it will expand support for young families.",
                "Prosecutors are expected to decide whether to indict the suspects next month.",
                "{title} said the trend is expected to continue through the end of the year.",
                "The number of heat-related illnesses has risen to {num}0 so far this summer."},
            new String[] {"A total of %,d babies were born in the month, the data showed.",
                "Some %,d people were affected, officials said."}),

    ENVIRONMENT("SEJONG",
            new String[] {"Typhoon to bring heavy rain to southern regions",
                "Fine dust levels hit 'bad' across the country",
                "Gov't to expand solar power capacity by {num} GW",
                "Forest fire in {city} contained after {num} hours",
                "Earthquake of magnitude {num} strikes off east coast",
                "Recycling rate of plastic rises to {pct} pct"},
            new String[] {"A typhoon is expected to bring heavy rain and strong winds to the southern regions on {day}, "
                    + "the weather agency said.",
                "The environment ministry said {day} it will expand the country's solar power capacity to meet its "
                        + "carbon neutrality goals.",
                "Firefighters contained a forest fire in {city} on {day} after it burned about {num}0 hectares of land."},
            new String[] {"Up to 200 millimeters of rain is forecast for the southern coast and Jeju Island.",
                "Authorities raised the alert level and put emergency workers on standby.",
                "The ministry will offer subsidies to households installing solar panels.",
                "No casualties have been reported so far, officials said.",
                "Residents of nearby villages were evacuated as a precaution.",
                "Fine dust levels are expected to improve from {day} as winds pick up.",
                "The cause of the fire is under investigation.",
                "The government aims to cut greenhouse gas emissions by {num} percent by 2030.",
                "{title} said the quake caused no damage.",
                "Local governments were told to check drainage facilities ahead of the rain."},
            new String[] {"Some %,d firefighters and soldiers were mobilized, officials said.",
                "The new facilities will supply power to %,d households."});

    /** Sentences any story may carry. */
    static final String[] COMMON = {"The announcement came as the government prepares its budget for next year.",
        "\"We will continue to do our best,\" {title} said.", "More details will be released next week, officials said.",
        "The move drew mixed reactions from experts.", "The {ministry} said it is reviewing the matter."};

    private final String city;
    private final String[] headlines;
    private final String[] leads;
    private final String[] sentences;
    private final String[] figures;

    Theme(String city, String[] headlines, String[] leads, String[] sentences, String[] figures) {
        this.city = city;
        this.headlines = headlines;
        this.leads = leads;
        this.sentences = sentences;
        this.figures = figures;
    }

    static Theme pick(SplittableRandom random) {
        return values()[random.nextInt(values().length)];
    }

    String headline(SplittableRandom random) {
        return Words.pick(headlines, random);
    }

    String lead(SplittableRandom random) {
        return Words.pick(leads, random);
    }

    String sentence(SplittableRandom random) {
        return Words.pick(sentences, random);
    }

    String figure(SplittableRandom random) {
        return Words.pick(figures, random);
    }

    /** The dateline city: the theme's own, now and then the capital. */
    String city(SplittableRandom random) {
        return random.nextInt(4) == 0 ? "SEOUL" : city;
    }
}
