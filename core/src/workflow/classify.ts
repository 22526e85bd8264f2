/**
 * Sorting activities into the three topics and a sector, and reading the Annex 1 themes (women,
 * disaster risk, market access) and rule 7's tie-break flags from what people wrote. Everything
 * is matched on folded text (no diacritics, whole words), so "Thủy lợi", "thuỷ lợi" and "thuy loi"
 * all match; common abbreviations are read as the words they stand for ("NVH", "BHYT", "GTNT").
 *
 * What an activity is decides where it goes (the sector follows each activity's nature, L3718).
 * The topic follows the handbook's three groups (L547): (1) Cơ sở hạ tầng — giao thông, thủy lợi,
 * nước sạch, điện, trường học, the buildings of culture and information, new works, upgrades,
 * major repairs and upkeep; (2) Kinh tế và tổ chức sản xuất — production, trades and services,
 * poverty-reduction models, vocational training, jobs, cooperation, market links; (3) Văn hóa -
 * Xã hội - Môi trường — education, health, culture, environment, local government, mass
 * organisations, security. Sectors are the canonical names of forms/topics.ts SECTORS. The
 * activity's own words are read by ordered rules, the first that applies winning:
 *
 *   1. training of officials and the planning team → Tổ chức chính quyền (a mass organisation's
 *      → Hoạt động đoàn thể; a teacher's, a health worker's, a militia's or a fire team's goes to
 *      their sector: "Tập huấn nghiệp vụ PCCC…" is security);
 *   2. what a works, trade or crop word would misfile: forest protection, forest fires and forest
 *      environmental-service payments → Lâm nghiệp; road safety, fire fighting, patrols, theft,
 *      weapons, military service, security and militia teams (đội dân phòng, bảo vệ dân phố) → security
 *      ("Mua sắm trang phục cho đội dân phòng": no costume), except jobs (vocational courses and jobs, a class in a
 *      craft or a crop ("lớp nghề …", "lớp trồng …"), changing trade → Đào tạo nghề - Việc làm, even
 *      for those back from military service); village rules
 *      (quy ước, hương ước), cultural movements and performing troupes → Văn hóa; power-bill aid,
 *      famine and disaster relief, emergency allowances, collapsed houses, domestic violence →
 *      Xã hội, and so is a "nhà đại đoàn kết" built for the poor; union movements, community
 *      monitoring, dân vận, the summer of the young, volunteer campaigns → Hoạt động đoàn thể;
 *      online public services and filing, digital skills, community technology teams ("tổ công nghệ
 *      cộng đồng", "tổ CNSCĐ"), cashless payment, legal aid and legal education → Tổ chức chính
 *      quyền; food safety → Y tế
 *      — unless the name begins with a works verb and names an infrastructure object before that
 *      word ("Sửa chữa cầu dân sinh bị thiệt hại do lũ" is a bridge; a forest word right after the
 *      object names its kind: "đường băng cản lửa" is a firebreak);
 *      then a mass organisation as the subject (Hội LHPN, Đoàn thanh niên, Hội Nông dân, Hội CCB,
 *      MTTQ, their members) is set aside and the work it does decides (class B below: "Hội phụ nữ
 *      tập huấn trồng rau an toàn" is crops, "Đoàn viên nạo vét kênh" irrigation); Hoạt động đoàn
 *      thể when nothing else is named or only its own business;
 *      then cleaning and landscaping (class E), water-supply works wherever they are (class H);
 *   3. works for a school or a cultural house are theirs, whatever is built ("Xây nhà vệ sinh cho
 *      điểm trường": Trường học; "Mua bàn ghế cho NVH": Cơ sở vật chất văn hóa - thông tin), and so
 *      are works at its site named without "cho" ("Kè đá điểm trường", "Mua loa NVH thôn"), unless
 *      they are a road or a power line, which lead there; and so is a toilet built where one is
 *      named ("Xây nhà vệ sinh học sinh trường tiểu học"), and works built for pupils ("Làm sân
 *      chơi cho trẻ mầm non"; a gift to them is no works); equipment for a security, militia or fire
 *      team is theirs ("Mua loa, kẻng báo động cho đội dân phòng"); works at a health station's site
 *      are health's without "cho" ("Xây bể nước trạm y tế"), a road to it a road; disinfecting animal
 *      pens → Chăn nuôi;
 *   4. clearing a canal is its upkeep ("Vệ sinh kênh mương" is irrigation); waste, latrines,
 *      pollution, biogas, green verges, drainage systems, clearing drains ("khơi thông cống rãnh") and
 *      a residential area's drains (a drain built along a road is the road's) → Môi trường ("thân thiện môi trường"
 *      only qualifies how a crop is grown); housing support for the poor → Xã hội (the handbook
 *      lists it among the poverty-support policies, L2700);
 *   5. a works verb (xây, sửa, nâng cấp, bê tông hóa, nạo vét…) on an infrastructure object, or an
 *      object that is infrastructure by itself (kênh mương, cầu treo, nhà văn hóa, bồn chứa nước,
 *      đèn đường, a welcome gate "cổng chào", a notice board "bảng tin", radios for households) → CSHT, unless the activity is led by a soft verb (tuyên truyền, tập huấn…) or
 *      names animals or fish without a works verb ("Thả cá giống … hồ chứa"). The object named
 *      first is the one worked on: a road or a power line to a cemetery is works like any other;
 *      a culvert through a dyke or into the fields is irrigation ("Làm cống qua đê bao"); water led to
 *      a crop to water it is irrigation without a works verb too ("Đào ao dẫn nước khe suối tưới sầu riêng");
 *   6. cemeteries → Môi trường;
 *   7. founding a cooperative or a THT, market links (OCOP, brands, labels, purchasing), crops and
 *      animals or farming and forestry named together (production in general), start-ups; career
 *      guidance is jobs (rule 2); windbreaks are forestry, shellfish fisheries; crafts (fine woodwork,
 *      sewing workshops) and small
 *      workshops (a craft's cooperative is the craft's), other cooperatives, rural services, then
 *      animals, fish (snails and fish raised in rice fields too),
 *      forests and crops → economy (the animals win over health words: "Tập huấn phòng chống dịch
 *      bệnh cho gia súc" is animal husbandry); then credit, trade and labour. Each production sector
 *      also holds the words of the production lexicon (lexicon.ts: the species, crops, trees, craft
 *      materials and salt making of VSIC 2018, issue 21), in its own place in that order, so a
 *      commodity no corpus used ("nuôi tằm", "cạo mủ cao su", "nấm linh chi", "cá tầm", "diêm dân")
 *      counts as the word it is — for the rules before too (animals named without a works verb,
 *      growing beside an officials' training, crops planted on a bank);
 *   8. education, health, social protection (policy payments, allowances), security, mass
 *      organisations, culture, local government (council sessions, voters, the budget, population data)
 *      → VH-XH-MT (monitoring and evaluating a programme, village assemblies and grassroots democracy
 *      are local government, and so is founding or strengthening a steering committee; BHYT is health
 *      whoever joins, and so is eye surgery; burning straw pollution; a third child family policy;
 *      emigration and the village militia head security; commemorations and cuisine culture; life-saving gear, offenders and the
 *      reintegration of former prisoners security)
 *      — weighing and measuring children ("cân đo trẻ") and first aid are health whoever they
 *      are for, moving households out of a hazard zone social protection, not security —
 *      read first on what is done, before " cho " (for whom: "Khám sức khỏe cho học sinh" is
 *      health), then on the whole; then livelihoods named with whom they are for ("Hỗ trợ sinh kế
 *      cho người khuyết tật", production); then whom it is for alone (người cao tuổi, trẻ em,
 *      phụ nữ, hộ nghèo, thanh niên: "Tổ chức giải bóng đá thanh niên" is sport, not the youth
 *      union), a club or a campaign last (the form, not the content); all read on the activity
 *      without its place, then with it ("Tiêm … tại trạm y tế");
 *   9. production in general (livelihoods, poverty-reduction models) → Tổ chức sản xuất, liên
 *      kết thị trường.
 *
 * The sixth round (issue 21) aligned these rules with the labelling conventions C1-C19 — the
 * activity's nature decides, never the actor, the beneficiary, the place or the programme — class by class:
 *   A. the South's road words: "lộ" (read as a road while its marks are there; not "lộ trình"),
 *      "đắp lề", "vá ổ gà", "láng nhựa" → Giao thông, even before "xã <Name>" or "đạt chuẩn NTM";
 *   B. a mass organisation as the subject (C7) is set aside with the form of its volunteer campaign
 *      ("ra quân", "tình nguyện", "chủ nhật xanh", "dân vận") and the work it does decides (rule
 *      2b, `workOf`): "Đoàn viên nạo vét kênh" is irrigation, "Hội CCB sửa nhà cho hội viên nghèo"
 *      social; Hoạt động đoàn thể keeps its own business — members, emulation ("hộ SXKD giỏi"),
 *      congresses, contests and gatherings, what it does for its members, a programme it joins;
 *   C. gender and Dự án 8 (C10): community communication teams, mainstreaming, stereotypes, child
 *      marriage, the law of marriage and family → Xã hội - Bình đẳng giới (rule 2);
 *   D. vocational courses ("lớp sơ cấp", certificates, welding, industrial sewing) → jobs whatever
 *      the trade (C3); composting for crops → Trồng trọt, composting waste stays Môi trường;
 *   E. cleaning, clearing, landscaping, ornamental trees, fly-posting removed → Môi trường even
 *      along a road or at an NVH or school (C8, rule 2c), unless upkeep of a canal, a power line or
 *      water works, or works proper go with it ("Phát quang, duy tu đường" is the road); trees or
 *      flowers of no kind along a road or a canal are its verge; clearing beside a crop or a forest
 *      word is farming ("Phát dọn thực bì trồng rừng");
 *   F. all credit (Quỹ HTND, NHCSXH, loans disbursed, revolving funds, savings groups) and the
 *      large field → market links whatever the loan raises (C5, rule 2);
 *   G. ethnic rituals and festivals (lễ cúng, lễ cất lúa, Tết nhảy) → Văn hóa though they name a crop;
 *   H. water-supply works → Nước sạch wherever they are, a school's and a health station's too
 *      (C1, rule 2d); I. power works → Điện whatever they serve (C15), and "lắp" alone is a works verb;
 *   J. small processing and crafts revived or kept → Tiểu thủ công nghiệp; a service sold (a food
 *      stall, a tailor's, drone spraying, a buying agent) → Ngành nghề và dịch vụ nông thôn (C18);
 *   L. protective planting on river banks → Lâm nghiệp; crops under forest, coffee, farm machinery
 *      not sold as a service → Trồng trọt (C9); M. the topic is always the sector's (a market is Kinh tế);
 *   N. livestock pens built or moved from the house → Chăn nuôi (their waste treated is Môi trường);
 *   O. learning families and clans → Giáo dục, liên thế hệ clubs → Xã hội, smartphones and online
 *      procedures taught → Tổ chức chính quyền (C11); P. fire alarms, tổ liên gia → An ninh trật tự (C17);
 *   K. each class read without diacritics too; and, of the other conventions, drugs, social evils and
 *      trafficking are security wherever they are talked of (C10), brooms crafts (C18), BTS information works.
 *
 * The seventh round (issue 21) read the conventions C20-C28 the same way, class by class (rule 2,
 * SEVENTH_ROUND, unless works on an object named first lead):
 *   a. cinnamon (C9, C20): certified (hữu cơ, VietGAP, a certificate kept) → market links, processed
 *      (bark dried, "quế tăm", essential oil, by an HTX too) → Tiểu thủ công nghiệp, grown (organic
 *      conversion, weeding, "vườn quế") → Lâm nghiệp;
 *   b. medicinal plants (đương quy, actiso, sâm) and seed for poor households → Trồng trọt;
 *      "hướng dẫn phòng trừ" is no "dân phòng";
 *   c. water by its use (C23): "hồ trữ ngọt", a cistern ("cống chứa nước", no culvert), a water plant's
 *      pumping station → Nước sạch; builders for hire → a service; "cống trữ ngọt", a dam watering
 *      fields ("cấp nước đồng", no stagnant "nước đọng") → Thủy lợi;
 *   d. relocation, định canh định cư, tin houses (C21) → Xã hội (rule 8, before security's "sạt lở");
 *      works for the new site keep their sector;
 *   e. lodging, homestay, visitors → a service; designs, packed meat → crafts; a showroom → market
 *      links; a craft village's gate → cultural works; heritage houses → Văn hóa (C18, C27);
 *   f. Zalo groups, QR codes, e-wallets, bank apps → Tổ chức chính quyền; a union's cadres trained →
 *      Hoạt động đoàn thể (rule 1); a cashless market fair → market links (C26);
 *   g. domestic violence ("BLGĐ", by Hội LHPN too), marital mediation, "thủ lĩnh của sự thay đổi" →
 *      Xã hội; "5 không 3 sạch" → Hoạt động đoàn thể;
 *   h. fishing teams at sea, VMS, shellfish seed grounds → Thủy sản; a nghiệp đoàn → market links (C25);
 *   i. a forest-products market day, a trial export → market links; a market's self-managed team →
 *      security; a repair shop, hired produce trucks → a service;
 *   j. children's swimming lessons and drowning → Xã hội; "toàn dân tập bơi" → Văn hóa; a shock or
 *      rescue team → security (C22); k. a union's singing festival or cooking contest → Văn hóa;
 *   l. a bridge for pupils → Giao thông (rule 3 yields to what leads there); a kindergarten's outdoor
 *      toys → Trường học; a law bookcase, land disputes, poor-household lists → Tổ chức chính quyền;
 *      pines planted without diacritics ("trong moi thong") → Lâm nghiệp.
 *
 * The eighth round (issue 21) read the conventions C29-C41 and the eighth corpus's classes of error
 * the same way (rule 2, EIGHTH_ROUND, read before the seventh's, and the steps before it):
 *   a. salt making is Tiểu thủ công nghiệp (C29, the lexicon's salt group): works on a salt field, its
 *      banks, beds, filters and stores, and on a rice field raising fish (C32) are that production's
 *      (PRODUCTION_WORKS), unless a canal or a pump brings the water (irrigation);
 *   b. what land or a building is converted into ("… thành lán trồng nấm", "… sang sản xuất muối") is
 *      the activity (CONVERSION);
 *   c. read by their marks: "ong" without marks is a bee ("đàn ong" no "đàn ông"), "nấm" a mushroom, "hơi"
 *      air (no "hội"), "bò" no "bờ" for the works words; PCCCR is forest fire prevention (C17);
 *   d. storm- and flood-resistant houses and shelters, their loan too (C33), land given to the landless
 *      (C35), orphans sponsored and elderly care (C22) → Xã hội; the border, its markers, sovereignty,
 *      safe-boat teams → An ninh trật tự, works done by those teams keep their sector (C31, `worksAfter`);
 *   e. community and sacred forests, their markers and a forest quy ước → Lâm nghiệp (C34);
 *   f. reading (C36): a village library or shelf furnished → Cơ sở vật chất văn hóa - thông tin, reading
 *      days, mobile libraries and a shelf run → Văn hóa, pupils' reading → Giáo dục;
 *   g. a liên thế hệ club is set aside like a mass organisation: its health checks are health, its loans
 *      credit, the club itself Xã hội (C40, `clubWork`); rehabilitation and mental health (C39), herbs at
 *      the health station (C37) → Y tế; sports events → Văn hóa (C16); teaching proper → Giáo dục (C12);
 *   h. what is done before whom it is for, in production too: a production named only in whom an activity
 *      helps ("… cho học sinh hộ diêm dân") does not decide, and one named in what is done comes first
 *      ("Hỗ trợ giống dâu cho hộ nuôi tằm" is the mulberry);
 *   i. job placement (C3), a buying agent and a food stall (C18), growing-area codes and produce sold
 *      online (C5, C26), honey extracted and produce dried and packed (C18), the public-administration
 *      centre and villages renamed (C11), a culvert for drainage ("cống tiêu"), a water works' pipe line
 *      (C1), flowers of any kind planted along a road (C9), star anise and cinnamon by the hectare (C9),
 *      salt hauled for pay (C29), safe ferry teams (C31), "tằm" read by its marks and honey extracted
 *      (C32), solar panels anywhere and pumps watering crops (C38), early detection (C39);
 *   j. and, of the older corpora's misses, by class: "và" (and) is no "vá" (to patch) while its marks are
 *      there, a market named is a market whatever is sold there (C2), a repair shop opened, hire ("xe …
 *      thuê") and food stalls are services (C18), empty pesticide packs are waste (C4), processing named
 *      first is crafts whatever its packaging (C18), a kindergarten class's site is the school's (C1),
 *      a mass swimming movement is culture (C16), tillage for hire a service (C18), bees given or
 *      split without marks ("cap dan ong") animals (C32), men sharing housework gender (C10), helmets
 *      road safety (C13), a cashless trade fair market links (C26);
 *   k. what frames an activity is set aside before any rule reads it: a list's mark ("1.", "b)"),
 *      "Tiếp tục", "Triển khai", "Thực hiện" before it, the document it follows ("… theo Kế hoạch số
 *      12/KH-UBND");
 *   l. water stored decides by its stated use: a reservoir supplying drinking water is Nước sạch (C23); a
 *      spillway or ford across a stream ("tràn qua suối") is the road's (Giao thông);
 *   m. equipment for an arts or sports team or club is culture (C16, like a security team's: FOR_CLUB);
 *      information poverty reduction ("giảm nghèo về thông tin", Dự án 6) is Xã hội, whatever carries it;
 *   n. a name written without diacritics has its places set aside too (NAMED_PLACE_PLAIN: "… ban Co Muong",
 *      "… xa Con Lon" name no canal and no pig), and its programme in parentheses ("(Du an 8)"); there
 *      "lua dao" is fraud, "ngon den an ninh" a security light (C24), "be tong ngo" a lane.
 *
 * The ninth round (issue 21) read the conventions C42-C45 and the ninth corpus's classes of error the
 * same way (rule 2, NINTH_ROUND, read before the eighth's, and the steps around it):
 *   a. merging, closing or reorganising school sites and the school network, and pupils' transport,
 *      are Giáo dục (C45, C12); classrooms built to receive the pupils are works named first (C1);
 *      surplus premises inventoried, disposed of or assigned are local government (C42), one
 *      converted to a named use is that use ("… thành trường mầm non", works on "nhà văn hóa");
 *   b. drinking water delivered — trucked, shipped, bottled, given as relief — is Nước sạch (C43); a
 *      dam, weir, pumping station or stream supplying drinking water or a water plant too (C1, C23:
 *      STORAGE), a village's spring ("mó nước"); "nước đóng chai" is no stagnant "nước đọng";
 *   c. relics restored (trùng tu, tôn tạo, di tích), festival boats and races, instruments (gongs for a
 *      nhà rông too) and costumes are Văn hóa (C44); a practice ground and its apparatus are cultural works (C16);
 *   d. drills (a forest fire drill stays forestry, C17, and so does a fire watchtower), evacuation and
 *      rescue gear are security (C14); a toilet built at a health station is health's (C2); embankments of any material ("kè cừ
 *      tràm", "kè rọ đá", "làm kè") irrigation; a firebreak strip ("đường ranh cản lửa") forestry;
 *   e. Đề án 06, identity cards and residence filing are local government whoever leads them (C11);
 *      methadone is health (C30); ANBG (border security), NLMT (solar power), GSHT… are read as words;
 *      solar panels are power wherever they stand, a school's roof too (C38); a safe ferry team
 *      ("tổ đò ngang an toàn") security (C31); voluntary social insurance (BHXH) Xã hội; disinfection
 *      ("khử khuẩn") health; a crop planted for its oil ("lấy tinh dầu") is the crop;
 *   f. fishing vessels, their owners, gear ("máy dò ngang" is no ferry) and anchorages are fisheries (C25);
 *   g. home care of elderly people is Xã hội, "chăm sóc tại nhà" no place (C22);
 *   h. a cooperative's membership and a certified area kept or widened are market links (C5, C20); a
 *      digital shop on a marketplace too (C5, C26); a buying point opened and a service named first are
 *      services (C18); people placed in jobs are jobs (C3);
 *   i. telecom cables tidied or laid underground are cultural works' upkeep, not landscaping (C2, C8);
 *   j. mangroves and protective forests planted are forestry, whatever pond they protect, and so are
 *      trees planted against erosion or sand (C9: EROSION, before green verges);
 *   k. aquaculture ponds, cages and shrimp raised in rice fields, and the works on them, are fisheries
 *      (C32, PRODUCTION_WORKS), unless a pump or a canal brings the water (C29, C38); a field's history
 *      ("… trên nền đất nuôi tôm") is where, not what; land converted from rice ("Chuyển 2 vụ lúa sang
 *      1 lúa 1 tôm") is what it becomes, a surplus office ("trụ sở") too (C42);
 *   l. an activity led by planting is the growing of what is planted, whatever purpose, buyer or
 *      cooperative follows ("Trồng dâu nuôi tằm", "Trồng sâm …, HTX sâm"; forage stays C28, fish with
 *      rice or grass for fish C32); honey extraction bought first and bottling are crafts (C18, C32);
 *   m. what an activity is for, when it is done and how it is told are no part of it: jobs it makes
 *      ("…, tạo việc làm lúc nông nhàn": the craft; jobs alone or by credit stay jobs), "… sau sáp
 *      nhập / sau dồn điểm trường" (OCCASION), "… gắn với du lịch" (read only when nothing before it
 *      says), "bằng tiếng dân tộc" (MEANS); "công tơ" (a meter) is no culvert, a farmer field school
 *      ("lớp học hiện trường") no classroom; written without marks, "biểu diễn" and "bưởi Diễn" are no
 *      power, "hoi thao dau bo" a field day (C3), "điện từ cột" power from the pole.
 *
 * The tenth round (issue 21) read the conventions C46-C49 and the tenth corpus's classes of error the
 * same way (rule 2, TENTH_ROUND, read before the ninth's):
 *   a. a vocational course is jobs whatever trade it teaches, a tourism guide's too (C3);
 *   b. a pump watering crops is irrigation whatever powers it, solar too (C38, C23);
 *   c. fresh water pumped, shipped by barge or bagged and handed out to households is Nước sạch (C43);
 *   d. cooking for boarding pupils is Giáo dục (C12); a kitchen's food-safety checks ("kiểm thực ba
 *      bước", meal samples kept) are Y tế (C19); the kitchen built stays the school's (C1);
 *   e. a village shelf with its computers is cultural works without a verb (C36), and loudspeakers
 *      and their poles are, wherever they hang, a market too (C2);
 *   f. tours and visitors' experiences, a buying point and hauling for hire named without a verb are
 *      services (C18, C27); g. passing on an ethnic script or songs ("truyền dạy") is Văn hóa;
 *   h. social housing is Xã hội (C2), before the lists of the seventh round; i. a community
 *      digital-technology team ("tổ CNS") is local government whoever sits in it (C26);
 *   j. gifts and visits to policy families and the poor, and a house raised for a poor household, are
 *      Xã hội whoever brings them (C22, C2; a union's visits to its own sick members stay its business);
 *   k. guarding one's own orchard or herd is that production (C47); forest cover kept is forestry;
 *   l. fertilising a crop is the crop, a composting site for waste and compost made at home the
 *      environment (class D); m. a road or bridge to a resettlement site is the road (C21); the
 *      earthworks of a rice field raising fish or shrimp are fisheries (C32, PRODUCTION_WORKS);
 *   n. a village's communication team ("Tổ truyền thông thôn …") is Dự án 8's (C10);
 *   o. a retaining wall or taluy holding a building's ground is that building's (C46: a commune
 *      office's local government); p. a pond guarded by its producers is fisheries (C47);
 *   q. a group, team or HTX running a work takes its sector: "tổ thủy nông", "tổ dùng nước" irrigation,
 *      a water scheme's operators clean water (C48); r. testing well or tap water is Nước sạch (C49);
 *   s. pupils' and teachers' toilets and lodging are the school's without the school named (C1), and
 *      "phổ cập bơi" is Xã hội (C22); t. a village assembly on its plan is local government (one for a
 *      named work keeps the work's, C6); u. a tillage, harvest or spraying service provided is a service
 *      (C18); and the lexicon's forestry trees gain bời lời, sa mộc, tống quá sủ, vàng tâm (C9);
 *   v. wastewater treatment works are Môi trường (C4, C2), premarital counselling Xã hội (C10), the hall
 *      of the commune's offices local government (C2; a village hall stays cultural works).
 *
 * Place names are never read as activity words: "(Thôn Cầu Đá)" and the name after thôn, bản,
 * xóm, ấp, làng, tổ dân phố, người… ("bản Co Muông" is no "mương", "người Mường" no canal) are set
 * aside first, and so is a program or fund named in parentheses ("(Chương trình NS&VSMT)"). In a
 * name written in capitals (or Every Word Capitalised, told by a capitalised common word such as
 * "Tại") capitals mark nothing: there the name after a village word is set aside when it ends
 * the text or a part of it ("… TẠI BẢN NÀ MƯƠNG"), never "THÔN VĂN HÓA". In a name written without
 * capitals (none after its first word, abbreviations aside) they mark nothing either: the name of up
 * to two words after thôn, bản, xóm, ấp, buôn that ends the text or a part of it is set aside ("hỗ trợ
 * giống ngô cho bản nà mương"), never after "làng" ("làng nghề"), "sóc" ("chăm sóc"), nor in "văn
 * bản", "nông thôn", nor a verb or a measure ("… thôn nuôi bò", "… thôn dài 500m"). The occasion an activity
 * is held on ("… nhân dịp Ngày hội Đại đoàn kết", "chào mừng…") is no part of what it is, and
 * what lies alongside a works ("Trồng keo ven đường liên thôn") is read only when nothing else
 * says what is done ("Phát quang bụi rậm hai bên đường").
 * Words that fold alike are told apart: "và" (and) is not the works verb "vá" (only "vá đường",
 * "vá ổ gà" are), "cấu kiện" (precast parts) no "cầu" (bridge), "xã hội hóa" (funded by the
 * people) no social protection, "điểm trường bản" (the village's school) no "trưởng bản" (its
 * head), a list "quế, hồi, cho hộ…" no "hội chợ" (a trade fair is named as one: "tham gia hội chợ"),
 * "đắp bờ" no dam but "đắp bờ bao" a dyke, "đèn pin" (a flashlight) no lamp, "ngõ xóm" (the lanes) no
 * "ngô" (maize), "môi trường thôn" no "trưởng thôn" (a village head), "thôn đội trưởng" (a title, told
 * by its marks) no village's name, and power "từ" the pole (while the marks are there) no "điện tử" (electronic).
 * While the diacritics are there, the works verbs and objects are read without the words that only
 * fold like them (NOT_WORKS: "biểu diễn", "thuộc diện", "lợn đen", "cổng", "câu cá", "trưởng",
 * "người cao tuổi", "sữa", "đền ơn đáp nghĩa", "và đường làng"…), "công trình" is no "cống" (culvert), and a few
 * words are read as what their marks say: "trong" (in) no "trồng", "ngõ" (a lane) and "ngộ độc" no
 * "ngô", "chợ" a market, "truyền thông" a campaign and "truyền thống" tradition, "lừa đảo" no
 * "lúa", "vươn" no "vườn", "bò", "lợn", "dê", "cá" named alone animals.
 *
 * The sheet's label — a topic ("Ngành/Lĩnh vực: Cơ sở hạ tầng"), a sector ("I.2 - Giao thông") —
 * is a hint, used only when the words say nothing; where they disagree the words win and
 * `placeActivity` says so (the consolidation names those rows, one finding per sheet). A row's own
 * Ngành/Lĩnh vực cell, typed by its unit, wins for the sector. Sector names are canonical
 * (`canonicalSector`: one name per sector of forms/topics.ts SECTORS, whatever alias was typed),
 * so that the province's roll-up groups one sector together. When neither the rules nor any label
 * nor an infrastructure object named say anything, the learned fallback (learned.ts: a naive-Bayes
 * table counted on the labelled corpora) names the sector if it is sure enough, before the older
 * keyword lists guess a topic alone.
 */
import type { Topic } from '../forms/topics';
import { SECTORS, SECTOR_GROUPS, TOPICS, TOPIC_LABELS } from '../forms/topics';
import { foldKey, nfc } from '../text';
import { memo, memo2 } from '../util/memo';
import type { LexiconSector } from './lexicon';
import { learnedSector } from './learned';
import { LEXICON_SECTORS, lexiconPhrases } from './lexicon';
import type { ThemeFlags } from './types';

// ---------------------------------------------------------------------------------------------
// Sector names.

type Phrases = readonly string[];

/** A compiled phrase list: one regular expression of whole-word alternatives, the longest tried first (so a match is the longest phrase at its place). */
function words(list: Phrases): RegExp {
  const longestFirst = [...list].sort((a, b) => b.length - a.length);
  return new RegExp(`(?:^| )(?:${longestFirst.map((p) => p.replace(/ /g, ' +')).join('|')})(?= |$)`);
}

const NUMBERING = /^(?:chu de |nganh |linh vuc |nganh linh vuc )?(?:[0-9]+|[ivx]+|[a-d])(?: |$)/;

const ALL_SECTORS = [...SECTORS, ...SECTOR_GROUPS];
/** Folded name or alias → canonical sector name (a group's own name included: "Nông nghiệp"). */
const SECTOR_BY_KEY: ReadonlyMap<string, string> = new Map(ALL_SECTORS.flatMap((s) => [[foldKey(s.name), s.name] as const, ...s.aliases.map((a) => [a, s.name] as const)]));
const SECTOR_TOPIC: ReadonlyMap<string, Topic> = new Map(ALL_SECTORS.map((s) => [s.name, s.topic]));
/** The sectors a broad group holds ("Nông nghiệp (Trồng trọt & Thủy lợi)" holds irrigation too; "Giáo dục" the school buildings). */
const HOLDS: ReadonlyMap<string, readonly string[]> = new Map(SECTOR_GROUPS.map((g) => [g.name, g.holds]));
/** Every sector name and alias, longest first, to find the sectors a compound label names ("Giao thông - Thủy lợi"). */
const SECTOR_WORDS: readonly (readonly [RegExp, string])[] = [...SECTOR_BY_KEY.entries()]
  .filter(([k]) => k.length > 3)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([k, name]) => [words([k]), name] as const);

/**
 * The canonical name of a sector as typed ("Nông nghiệp (Trồng trọt & Thủy lợi)" → "Nông nghiệp",
 * "GTNT" → "Giao thông", "2. Y tế" → "Y tế"); undefined when the text is no sector LKH knows
 * (a topic, a compound like "Giao thông - Thủy lợi", a commune's own wording).
 */
export function canonicalSector(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const k = foldKey(text).replace(NUMBERING, '');
  return k ? SECTOR_BY_KEY.get(k) : undefined;
}

/** The sector as it should be written: its canonical name when LKH knows it, else as typed (trimmed). */
export function sectorName(text: string | undefined): string {
  const t = text?.trim() ?? '';
  return canonicalSector(t) ?? t;
}

/** The canonical sectors a label names, alone or among others ("Giao thông - Thủy lợi": both). */
function sectorsNamed(label: string): ReadonlySet<string> {
  const own = canonicalSector(label);
  const out = new Set<string>(own ? [own] : []);
  if (!own) {
    let k = foldKey(label);
    for (const [re, name] of SECTOR_WORDS) {
      if (!re.test(k)) continue;
      out.add(name);
      k = k.replace(new RegExp(re.source, 'g'), ' ~ ');
    }
  }
  for (const name of [...out]) for (const s of HOLDS.get(name) ?? []) out.add(s);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word lists (folded). A list matches when one of its phrases occurs as whole words.

/** Folded words that contain an infrastructure word but mean something else ("bồi dưỡng", "yêu cầu", "kế hoạch", "đắp bờ"). */
const FALSE_FRIENDS = words([
  'boi duong', 'dinh duong', 'nuoi duong', 'tuong duong', 'an duong', 'nghi duong', 'duong benh', 'duong tinh',
  'yeu cau', 'nhu cau', 'cau lac bo', 'cau long', 'toan cau', 'cau hoi',
  'truong thon', 'truong ban', 'truong bo phan', 'moi truong', 'thi truong', 'tang truong', 'hien truong',
  'xe dap', 'den truong', 'toi truong', 'dai dien', 'toan dien', 'dien thoai', 'doi tuong', 'dien tich', 'hoi dien', 'dien dan', 'dien tap', 'dien bien', 'dien van nghe', 'dien tu(?! (?:cot|tram|luoi|nha))',
  'hoc duong', 'thao truong huan luyen', 'cau kien', 'dap bo(?!\\s(?:bao|vung|thua|kenh|muong)(?= |$))', 'den pin', 'tuoi tieu hoc', 'do tuoi', 'gat dap', 'dap lien hop', 'ke hoach', 'ke toan', 'thiet ke', 'thong ke',
  // Ninth round: a fish finder ("máy dò ngang") is no ferry ("đò ngang", C25); a farmer field school is a class held in the field, no classroom (C3).
  'may do ngang', 'lop hoc(?: nong dan)? hien truong', 'lop hoc nong dan',
  // …and, written without marks, a performance ("biểu diễn", "buổi diễn") or a pomelo ("bưởi Diễn") is no power ("điện").
  'bieu dien', 'buoi dien',
]);

/** Verbs of works: building, repairing, upkeep, equipping (L547 "xây mới, nâng cấp, sửa chữa lớn và duy tu – bảo dưỡng"). */
const WORK_VERB = words([
  'xay dung', 'xay moi', 'xay', 'lam moi', 'lam', 'sua chua', 'sua', 'tu sua', 'san sua', 'nang cap', 'cai tao', 'be tong hoa',
  'be tong', 'cung hoa', 'kien co hoa', 'duy tu', 'bao duong', 'nao vet', 'mo rong', 'mo moi', 'rai', 'lat', 'va duong', 'va mat duong', 'va o ga', 'dao dap', 'dao dat', 'dap',
  'khoi cong', 'lap dat', 'keo', 'do be tong', 'mua sam', 'mua', 'hoan thien', 'phat quang', 'don co', 'thi cong', 'hien dat', 'trang bi', 'thay', 'thap sang',
  'bo sung', 'khoi thong', 'phat don', 'don dep', 'tu bo', 'dau tu', 'dau tu xay dung',

]);

/** A village's request for a works is the works: "Xin kéo điện…", "Đề nghị làm cầu…", "Cần có sân chơi…". */
const REQUEST = /^(?:xin|de nghi|can co)(?: |$)/;

/** Verbs that make an activity soft whatever it talks about: "Tuyên truyền an toàn giao thông". */
const SOFT_LEAD = /^(?:(?:to chuc |mo lop |mo )?(?:tuyen truyen|tap huan|boi duong|dao tao|day|huong dan|tu van|pho bien|hoi thao|hoi thi|kiem tra|giam sat|quan ly)|mo (?:cac )?lop(?: hoc)?)(?: |$)/;

interface SectorWords {
  readonly sector: string;
  /** Infrastructure by itself, with or without a works verb. */
  readonly strong: Phrases;
  /** Infrastructure when a works verb goes with it. */
  readonly withVerb?: Phrases;
  /** Infrastructure by itself, when a phrase list cannot say it (a culvert worked on: "Sửa chữa cống", not "Sửa chữa công trình"). */
  readonly pattern?: RegExp;
}

/**
 * A culvert worked on: a works verb, then "cống" — and not "công trình", "cộng đồng", "công
 * nghệ"… which fold alike ("Sửa chữa cống đầu mối", "Làm 2 cống"; not "Làm công trình nước sạch").
 */
const CULVERT_WORKS = /(?:^| )(?:sua chua|sua|lam|lam moi|xay|xay dung|xay moi|nang cap|cai tao|thay|thay moi|nao vet|khoi thong|do) (?:(?:cac|[0-9]+) )?cong(?! (?:trinh|dong|cong|nghe|viec|tac|an|nhan|lao dong|ty|ich|khai|chao|van|so|dan|nong|doan|suat|thuc|cu|nghiep|lap|ngay|no|bo|bang|chung|chuc|vu|thon|xa|ban|xom|lang|tu|to)(?: |$))(?= |$)/;

const SCHOOL = 'Trường học';
const CULTURE_WORKS = 'Cơ sở vật chất văn hóa - thông tin';
const MARKET = 'Tổ chức sản xuất, liên kết thị trường';
const SOCIAL = 'Xã hội - Bình đẳng giới';
const GOVERNMENT = 'Tổ chức chính quyền';
const MASS_ORGS = 'Hoạt động đoàn thể';

/**
 * Infrastructure objects by sector (L547: giao thông, thủy lợi, nước sạch, điện, trường học, cơ sở
 * vật chất văn hóa - thông tin), and the rural market. The object named first is the one worked on
 * ("Nâng cấp đường trục xã đoạn UBND - trường THCS" is a road); at one place the longer phrase wins
 * ("đường dây điện" is Điện before it is a road).
 */
const INFRA: readonly SectorWords[] = [
  {
    sector: 'Điện',
    strong: [
      'luoi dien', 'dien luoi', 'duong dien', 'duong day dien', 'duong day ha the', 'duong day trung the', 'dien sinh hoat', 'dien ha the', 'dien trung the', 'tram bien ap', 'cot dien',
      'dien chieu sang', 'den chieu sang', 'den duong', 'chieu sang', 'cap dien', 'cung cap dien', 'nguon dien', 'thap sang', 'den nang luong mat troi', 'bong den', 'cong to',
      'bong dien', 'day dien', 'day dan dien', 'dau noi dien', 'dien ve nha', 'may bien ap', 'dien nang luong mat troi', 'dien mat troi', 'pin mat troi', 'tam pin', 'den an ninh', 'ngon den', 'pin nang luong mat troi', 'nang luong mat troi', 'thuy dien nho', 'may phat dien', 'anh sang duong que', 'duong que sang',
    ],
    withVerb: ['dien', 'duong day', 'den'],
  },
  {
    sector: 'Nước sạch',
    strong: [
      'nuoc sach', 'nuoc sinh hoat', 'nuoc tu chay', 'cap nuoc', 'be chua nuoc', 'be nuoc', 'duong ong dan nuoc', 'ong dan nuoc sach', 'gieng nuoc', 'gieng khoan', 'duong ong', 'ong nuoc', 'mang duong ong', 'dao gieng', 'tec nuoc',
      'bon nuoc', 'lu chua nuoc', 'bon chua nuoc', 'bon chua', 'tec chua nuoc', 'thung chua nuoc', 'bon nhua', 'bon inox', 'loc nuoc', 'may loc nuoc', 'be loc', 'tru nuoc', 'tec nhua', 'nuoc may', 'dau noi nuoc',
      'dong ho nuoc', 'nuoc mua', 'tram cap nuoc', 'xu ly nuoc', 'nuoc hop ve sinh',
      // A water plant's pumping station (seventh round, class c; one watering fields is irrigation: FIELDS).
      'tram bom cap nuoc', 'nha may nuoc',
      // A water works and its pipe line (C1): "công trình nước" (not its waste water), "tuyến ống".
      'cong trinh nuoc(?! thai)', 'tuyen ong(?! (?:thoat|nuoc thai))',
      // Ninth round (C1): a village's spring ("mó nước") and water drawn for households to use.
      'mo nuoc', 'nuoc cap sinh hoat', 'nguon nuoc (?:gieng|sinh hoat|mo|an uong)',
      'khoan gieng', 'dung cu chua nuoc', 'vat dung chua nuoc', 'chua nuoc', 'binh loc nuoc', 'thiet bi loc nuoc',
    ],
    withVerb: ['gieng', 'ong dan nuoc', 'ong nhua', 'dan nuoc'],
  },
  {
    sector: 'Thủy lợi',
    strong: [
      'thuy loi', 'kenh muong', 'kenh', 'muong', 'tram bom', 'ho chua', 'dap dang', 'dap tam', 'nuoc tuoi', 'tuoi tieu', 'tuoi nho giot', 'tuoi phun', 'tuoi tu dong', 'tuoi tiet kiem', 'he thong tuoi', 'nguon nuoc', 'lay nuoc', 'ke chong', 'ke bo', 'phai tam', 'ke ao',
      'ke suoi', 'ke song', 'ke kenh', 'ke muong', 'ke da', 'may bom',
      // A pump watering crops, solar or electric (C23, C38): "bơm năng lượng mặt trời tưới tiêu vườn tiêu".
      'bom (?:[a-z]+ ){0,4}tuoi', 'bom nang luong mat troi', 'bom dien', 'cong tuoi', 'cong thuy loi',
      // Ninth round (C14): embankments of any material ("kè cừ tràm", "kè rọ đá", "kè mềm").
      'ke (?:cu|coc|tre|ro da|ro thep|mem|ga bion|bao ve|chong sat lo|chong xoi lo)', '(?:lam|xay|xay dung|dap|gia co|sua|sua chua|nang cap|cai tao|thi cong) ke(?! (?:vach|chuyen|toan|hoach))',
      'bo vung', 'bo thua', 'cau mang', 'xi phong', 'mang tuoi', 'de bao', 'bo bao', 'tieu ung', 'chong ung', 'cong dau moi', 'cong dieu tiet', 'cong ngan man', 'cong ngan trieu', 'cong tieu', 'cong lay nuoc', 'cong xa lu',
    ],
    withVerb: ['dap', 'phai', 'ho dap', 'ao lang', 'bo ao', 'suoi', 'dong chay', 'long suoi', 'khe', 'long ho', 'long kenh'],
  },
  {
    sector: SCHOOL,
    strong: [
      'truong hoc', 'phong hoc', 'diem truong', 'truong mam non', 'truong tieu hoc', 'truong trung hoc', 'truong thcs', 'thu vien truong', 'ky tuc xa', 'nha da nang truong', 'phong chuc nang', 'phong thi nghiem', 'phong may tinh', 'nha hieu bo', 'nha ban tru', 'nha noi tru', 'nha cong vu giao vien', 'nha lop hoc',
      'lop hoc cam ban',
      // A kindergarten's outdoor toys (seventh round, class l).
      'do choi ngoai troi',
    ],
    withVerb: ['lop hoc', 'truong', 'thiet bi day hoc', 'ban ghe', 'ban tru', 'noi tru', 'bep an'],
  },
  {
    sector: CULTURE_WORKS,
    strong: [
      'nha van hoa', 'hoi truong thon', 'san the thao', 'khu the thao', 'san van dong', 'nha sinh hoat cong dong', 'noi sinh hoat cong dong', 'diem sinh hoat cong dong', 'khu sinh hoat cong dong', 'nha cong dong', 'nha rong', 'trung tam van hoa', 'loa truyen thanh', 'dai truyen thanh',
      'he thong truyen thanh', 'tram truyen thanh', 'tram phat thanh', 'dai phat thanh', 'he thong phat thanh', 'tram chuyen tiep', 'thiet che van hoa', 'diem buu dien', 'buu dien', 'diem truy cap internet', 'wifi', 'diem phat wifi',
      'nha truyen thong', 'phong truyen thong', 'phong doc sach', 'phong doc', 'nha thu vien', 'xay dung thu vien', 'xay thu vien', 'khu vui choi', 'diem vui choi', 'san vui choi', 'san khau', 'tram phat song', 'phat song', 'song di dong', 'vien thong', 'cap quang', 'quang truong', 'san le hoi', 'thiet bi nghe nhin', 'nghe xem', 'ti vi', 'tivi', 'may thu thanh', 'radio', 'dau thu', 'the duc ngoai troi', 'dung cu the duc', 'cong chao', 'bang tin', 'bang tuyen truyen', 'pano tuyen truyen', 'thiet bi the duc', 'thiet bi the thao', 'dung cu the thao',
      // Ninth round (C16, C44): a practice ground and its apparatus are the works (a club's own gear is culture: FOR_CLUB).
      'san tap (?:the thao|the duc|luyen|bong da|bong chuyen)', 'dung cu tap luyen', 'thiet bi tap luyen', 'may tap the duc',
    ],
    withVerb: ['hoi truong', 'san bong', 'san choi', 'nha sinh hoat', 'internet', 'cum loa', 'loa', 'phat thanh', 'truyen thanh', 'am thanh'],
  },
  { sector: MARKET, strong: ['cho nong thon', 'cho trung tam', 'cho phien', 'cho dau moi'] },
  {
    sector: 'Giao thông',
    strong: [
      'duong giao thong', 'giao thong nong thon', 'cau treo', 'cau tran', 'cau tam', 'ngam tran', 'ranh thoat nuoc', 'cong thoat nuoc', 'cong qua duong', 'duong lien thon', 'duong truc',
      'duong noi dong', 'duong ngo xom', 'duong thon', 'duong noi thon', 'bien bao', 'o ga', 'duong vao', 'duong len', 'duong ra', 'ngo xom',
      // The South's road words (class A): "lộ" is a road, read while its marks are there (ROAD_LO); without them in its phrases.
      'lo nong thon', 'tuyen lo', 'duong lo', 'lo lien ap', 'lo lien xa', 'lo lien thon', 'lo dal', 'lo dan sinh', 'lo giao thong', 'lo be tong', 'lo nhua', 'lo dat',
      'dap le', 'lang nhua', 'tham nhua', 'be tong nhua', 'nhua hoa', 'dam va', 'tram va',
      // A spillway or ford across a stream carries the road over it (C2: "Xây đập tràn liên hợp qua suối").
      '(?:dap )?tran (?:lien hop )?qua (?:suoi|khe|song|ngoi)',
      // A lane concreted, written without marks ("do be tong ngo 3": "ngõ", not "ngô", maize).
      'be tong (?:hoa )?ngo',
      'taluy', 'ta luy', 'ben do', 'do ngang', 'bai do xe', 'vach son', 'ke vach', 'ho lan', 'tran lien hop', 'mat duong', 'nen duong', 'le duong', 'via he', 'den tin hieu', 'bien chi dan', 'cau phao', 'ben thuyen', 'nha cho xe', 'tram dung xe', 'lan can cau', 'cau dan sinh', 'cau khi',
    ],
    withVerb: ['duong', 'cau', 'ngam', 'cap phoi'],
    pattern: CULVERT_WORKS,
  },
  { sector: '', strong: ['co so ha tang', 'ha tang'], withVerb: ['cong trinh'] },
];

/** Watering, read on the works text ("tuổi", age, is set aside there while its marks are written). */
const WATERING = words(['tuoi', 'de tuoi', 'tuoi cho']);
/** Water led to fields is irrigation, not drinking water ("Mua ống nhựa dẫn nước từ khe về ruộng"). */
const FIELDS = words(['ruong', 'ruong bac thang', 'canh dong', 'dong ruong', 'nuong', 'tuoi', 'san xuat nong nghiep', 'phuc vu san xuat', 'cho san xuat']);
/** Water stored, and its use for drinking (C23): "hồ chứa nước sinh hoạt" is clean water, "hồ chứa nước tưới" irrigation. */
const STORAGE = words(['ho chua', 'ho dap', 'ao lang', 'long ho',
  // Ninth round (C1, C23): any source or intake — a dam, a weir, a pumping station, a stream — supplying drinking water or a water plant is clean water.
  'dap', 'dap dang', 'dap tam', 'phai', 'tram bom', 'lay nuoc', 'nguon nuoc', 'khe', 'suoi']);
const DRINKING = words(['nuoc sinh hoat', 'nuoc sach', 'nuoc uong', 'an uong', 'cap nuoc sinh hoat', 'cap sinh hoat', 'nha may nuoc', 'tram cap nuoc']);
/** A culvert through a dyke or into the fields carries water, not traffic ("Làm cống qua đê bao"): irrigation. */
const CULVERT = words(['cong', 'lam cong', 'xay cong', 'sua cong', 'nao vet cong']);
const DYKE = words(['cong tieu', 'cong tuoi', 'de', 'de bao', 'bo bao', 'qua de', 'than de', 'de song', 'de bien', 'ngan man', 'ngan mat', 'tieu ung', 'tieu nuoc', 'dieu tiet nuoc', 'dau moi', 'dieu tiet', 'lay nuoc', 'xa lu', 'thuy loi', 'tuoi tieu']);

/** Works for pupils are the school's when something is built ("Làm sân chơi cho trẻ mầm non"); a gift to them is not ("Tặng xe đạp cho học sinh"). */
const FOR_PUPILS = /(?:^| )cho (?:cac )?(?:hoc sinh|tre mam non|tre mau giao|tre em mam non|chau mam non)(?: |$)/;
/** Works for a school or a cultural house belong to them: "Xây bể chứa nước cho điểm trường", "Mua bàn ghế cho NVH". */
const FOR_SCHOOL = /(?:^| )(?:cho|cua|tai|o|trong) (?:cac )?(?:diem truong|truong|phong hoc|lop hoc|nha tre|lop mau giao|hoc sinh ban tru|giao vien)(?: |$)/;
/** Works and equipment for a health station are health's (NTM criterion 15 sits with VH-XH-MT): "Mua máy phát điện cho trạm y tế". */
const FOR_HEALTH = /(?:^| )(?:cho|cua|tai|o) (?:cac )?(?:tram y te|nha ho sinh|phong kham|co so y te)(?: |$)/;
/** Equipment for a security, militia or fire team is theirs: "Trang bị loa kẻng báo động cho tổ tự quản an ninh". */
const FOR_SECURITY = /(?:^| )cho (?:cac )?(?:to|doi|luc luong|thanh vien|chot)(?: [a-z0-9]+){0,3} (?:an ninh|dan phong|bao ve|tuan tra|dan quan|tu ve|phong chay|chua chay|pccc)(?: |$)/;
/** Equipment for an arts or sports team or club is theirs, culture (C16: clubs are Văn hóa): "Mua loa cho đội văn nghệ", "Mua trang phục cho CLB cồng chiêng". */
const FOR_CLUB = /(?:^| )cho (?:cac )?(?:doi|cau lac bo|nhom|to)(?: [a-z]+){0,2} (?:van nghe|the thao|bong da|bong chuyen|cong chieng|mua|hat|dan ca|van hoa|nghe thuat|khieu vu|duong sinh)(?: |$)/;
/** A health station's site named after what is built, without "cho" ("Xây bể nước trạm y tế"); not after a word of direction ("đường vào trạm y tế"). */
const HEALTH_SITE = /(?:^| )(?<!(?:den|vao|ra|len|toi|ve|qua|doan|tu|di|xuong|sang) )(?:tram y te|nha ho sinh)(?: |$)/;
const FOR_CULTURE_HOUSE = /(?:^| )(?:cho|cua|tai|o|trong) (?:cac )?(?:nha van hoa|hoi truong|nha sinh hoat cong dong|nha sinh hoat|diem sinh hoat cong dong|noi sinh hoat cong dong|nha cong dong|nha rong)(?: |$)/;
/**
 * A school's or a cultural house's site named after what is built, without "cho": "Kè đá điểm
 * trường", "Làm sân chơi, tường rào điểm trường", "Mua bàn ghế NVH thôn". Not after a word of
 * direction ("đường vào điểm trường" leads there).
 */
const SCHOOL_SITE = /(?:^| )(?<!(?:den|vao|ra|len|toi|ve|qua|doan|tu|di|xuong|sang) )(?:diem truong|truong hoc|truong mam non|truong tieu hoc|truong trung hoc|truong thcs|truong trung hoc co so|truong pho thong|phan hieu|lop mau giao|diem mau giao|lop mam non|diem mam non)(?: |$)/;
const CULTURE_SITE = /(?:^| )(?<!(?:den|vao|ra|len|toi|ve|qua|doan|tu|di|xuong|sang) )(?:nha van hoa|nha sinh hoat cong dong|diem sinh hoat cong dong|nha cong dong|nha rong|hoi truong thon)(?: |$)/;
/** Roads and power lines lead to a site; they are not the site's own works. */
const LEADS_TO = new Set(['Giao thông', 'Điện']);

/** A sector and the words that name it. */
interface Rule {
  readonly sector: string;
  readonly re: RegExp;
}

function rules(list: readonly (readonly [string, Phrases])[]): readonly Rule[] {
  return list.map(([sector, phrases]) => ({ sector, re: words(phrases) }));
}

const GOVERNANCE_VERB = words(['tap huan', 'boi duong', 'dao tao', 'nang cao nang luc', 'kien toan', 'thanh lap', 'hoi thao']);
/** The heads of a village, not its environment or market ("tổ vệ sinh môi trường thôn" folds into "trưởng thôn"). */
const NOT_AFTER_HEAD = '(?<!(?:moi|thi|hien|tang) )';
const GOVERNANCE_OBJECT = words([
  'can bo', 'cong chuc', ...['truong thon', 'truong ban', 'truong xom', 'truong ap'].map((w) => NOT_AFTER_HEAD + w), 'to cong tac', 'to xay dung ke hoach', 'lap ke hoach', 'ke toan', 'nghiep vu', 'ky nang lanh dao',
  'doan the', 'chi hoi', 'chinh quyen', 'ban phat trien thon', 'ban giam sat', 'ban quan ly', 'ban chi dao',
]);
/** The mass organisations and their members, as the subject of an activity. */
const MASS_ORGS_NAMED = 'hoi lien hiep phu nu|hoi phu nu|hoi nong dan|hoi cuu chien binh|cuu chien binh|hoi nguoi cao tuoi|hoi vien|doan vien|doan thanh nien|thanh nien cong san|doan xa|chi hoi|chi doan|mat tran to quoc|mat tran|uy ban mat tran|doan the|thanh nien tinh nguyen';
/**
 * A mass organisation as the subject (class B, C7: the actor does not decide). What it does is
 * filed by the work ("Đoàn viên nạo vét kênh mương": irrigation; "Hội CCB sửa nhà cho hội viên
 * nghèo": social protection); only its own business — congresses, membership, its emulation
 * movements and campaigns, or nothing else named — is Hoạt động đoàn thể.
 */
const MASS_LEAD = new RegExp(`^(?:cac )?(?:${MASS_ORGS_NAMED})(?: |$)`);
/** The subject to set aside, with what qualifies it ("Hội viên Hội Nông dân xã", "Đoàn viên thanh niên thôn", "ĐTN xã ra quân"). */
const MASS_SUBJECT = new RegExp(
  `^(?:(?:cac )?(?:${MASS_ORGS_NAMED})(?: (?:thanh nien|phu nu|nong dan|cuu chien binh|cong san|ho chi minh|xa|thon|ban|ap|xom|huyen|khu|to dan pho|cac cap|cac thon|tinh nguyen|ra quan|tham gia|gop cong|xung kich|dong loat|phoi hop))*(?: |$))+`,
);
/** An organisation's own contests, gatherings and anniversaries, whatever their theme ("Hội phụ nữ tổ chức hội thi…", "Hội CCB gặp mặt kỷ niệm…"). */
const MASS_OWN_FORM = /^(?:to chuc )?(?:hoi thi|cuoc thi|gap mat|ky niem|sinh hoat|toa dam|ra mat mo hinh|phat dong|xay dung mo hinh)(?: |$)/;
/** A programme a mass organisation joins ("tham gia xây dựng nông thôn mới") is its own campaign, not government's work. */
const PROGRAMME = words(['nong thon moi', 'kieu mau', 'van minh', 'do thi van minh', 'xanh sach dep']);
/** Its members, as those a mass organisation's activity is for ("thăm hỏi hội viên ốm đau"). */
const MEMBERS = words(['hoi vien', 'doan vien', 'chi hoi', 'to hoi']);
/**
 * The form of a volunteer campaign, not its work: "tình nguyện", "mùa hè xanh", "thanh niên xung
 * kích", "dân vận (khéo)", "ra quân", a green Sunday. Set aside when they name a concrete work
 * ("Thanh niên tình nguyện làm đường" is a road); alone they are the organisations' own.
 */
const CAMPAIGN_FORM = words([
  'tinh nguyen', 'thanh nien tinh nguyen', 'mua he xanh', 'mua he tinh nguyen', 'thanh nien xung kich', 'xung kich', 'sinh hoat he', 'hoat dong he', 'dan van', 'dan van kheo', 'mo hinh dan van', 'ra quan',
  'ngay thu bay tinh nguyen', 'thu bay tinh nguyen', 'ngay chu nhat xanh', 'chu nhat xanh', 'ngay thu bay', 'ngay chu nhat',
]);
const CAMPAIGN_FORM_ALL = new RegExp(CAMPAIGN_FORM.source, 'g');
/** The mass organisations: their officials' training is their own sector, not the local government's. */
const MASS_ORGANISATION = words(['doan the', 'chi hoi', 'hoi phu nu', 'hoi lien hiep phu nu', 'hoi nong dan', 'doan thanh nien', 'chi doan', 'cuu chien binh', 'mat tran', 'can bo doan', 'can bo hoi', 'hoi nguoi cao tuoi']);

const ENVIRONMENT = words([
  'rac', 'rac thai', 'nha tieu', 'ho xi', 'nuoc thai', 'chat thai', 'bai rac', 'lo dot rac', 'cay xanh', 'bao bi thuoc', 'bao goi thuoc', 'vo thuoc', 'vo bao bi', 'bao bi (?:bao ve thuc vat|thuoc bao ve thuc vat)', 'o nhiem', 'biogas', 'khi sinh hoc',
  'di doi chuong trai', 've sinh moi truong', 'moi truong', 'thu gom', 'nha ve sinh', 'tong ve sinh', 'hoa ven duong', 'cay ven duong', 'duong hoa', 'tuyen duong hoa', 'hang rao xanh', 'cay bong mat', 'he thong thoat nuoc', 'di doi chuong', 'gam san', 'canh quan', 'sach dep', 'ho u phan', 'u phan', 'tet trong cay', 'chu nhat xanh', 'xanh sach dep', 'ao tu', '(?<!cap )nuoc dong(?! (?:chai|binh|thung|goi))', 'bao ve nguon nuoc', 'o nhiem nguon nuoc', 'dot rom', 'dot rom ra', 'khoi thong cong ranh', 'nao vet cong ranh', 've sinh cong ranh', 'thoat nuoc khu dan cu',
]);
/**
 * Cleaning, clearing and landscaping (class E, C8, C9): "tổng dọn vệ sinh", "phát quang", "chỉnh
 * trang", a green Sunday, landscape and ornamental trees, fly-posting removed → Môi trường, even
 * along a road or at a cultural house or a school; repairing the road or the building stays works.
 */
const CLEANING = words([
  'phat quang', 'phat hoang', 'chinh trang', 'don ve sinh', 'tong don', 'tong don dep', 'tong ve sinh', 'don dep', 'phat don', 'don co', 'cat co', 'phat co', 'nho co', 'cat tia', 'lam sach',
  've sinh khuon vien', 've sinh moi truong', 've sinh duong', 've sinh tuyen duong', 've sinh nha van hoa', 've sinh truong', 've sinh noi cong cong', 've sinh khu dan cu',
  'chu nhat xanh', 'thu bay xanh', 'canh quan', 'vuon hoa', 'bon hoa', 'duong hoa', 'cay xanh', 'cay bong mat', 'don rac', 'nhat rac',
]);
/** What is landscape or cleaning by itself, even beside a crop or a forest word ("Chỉnh trang vườn hoa"); other clearing beside them is farming ("Phát dọn thực bì trồng rừng", "Nhổ cỏ lúa"). */
const LANDSCAPE = words(['chu nhat xanh', 'thu bay xanh', 'canh quan', 'vuon hoa', 'bon hoa', 'duong hoa', 'cay xanh', 'cay bong mat', 'don rac', 'nhat rac', 'tong ve sinh', 'tong don', 've sinh moi truong']);
/** Fly-posting removed is the environment's, whatever it was stuck on ("Gỡ quảng cáo rao vặt trên cột điện"). */
const FLY_POSTING = words(['rao vat', 'quang cao rao vat', 'to roi quang cao', 'quang cao trai phep', 'quang cao sai quy dinh']);
const CLEANING_ALL = new RegExp(CLEANING.source, 'g');
/** Works proper, after which cleaning is only part of the works ("Phát quang, duy tu hành lang đường liên xóm"). */
const WORKS_PROPER = words([
  'xay dung', 'xay moi', 'xay', 'lam moi', 'sua chua', 'sua', 'tu sua', 'nang cap', 'be tong hoa', 'be tong', 'cung hoa', 'kien co hoa', 'duy tu', 'bao duong', 'nao vet', 'mo rong', 'mo moi',
  'rai', 'lat', 'va duong', 'va o ga', 'dao dap', 'khoi cong', 'lap dat', 'keo', 'do be tong', 'thi cong', 'dau tu', 'khoi thong', 'lang nhua', 'dap le', 'mua', 'trang bi', 'thay', 'lam duong',
]);
/** The upkeep of these works is theirs, cleaning included ("Phát quang hành lang lưới điện", "Vệ sinh kênh mương"). */
const OWN_UPKEEP = new Set(['Thủy lợi', 'Điện', 'Nước sạch']);
/** Composting to fertilise crops is crop growing (class D, C3: "Hướng dẫn ủ phân bón cây", "Tập huấn ủ phân chuồng"); composting waste is the environment's. */
const COMPOST_FOR_CROPS = words(['u phan', 'u phan bon', 'u phan huu co', 'u phan chuong', 'lam phan huu co', 'san xuat phan huu co', 'phan bon huu co']);
const WASTE = words(['rac', 'rac thai', 'chat thai', 'nuoc thai', 'phan loai', 'bai rac', 'nha tieu', 'ho xi', 'biogas', 'khi sinh hoc']);
/** Sanitation buildings: in a school or a cultural house they are that building's works ("Xây nhà vệ sinh điểm trường"). */
const SANITATION = words(['nha ve sinh', 'nha tieu', 've sinh khep kin', 'khu ve sinh', 'cong trinh ve sinh', 'hop ve sinh']);
/** Cemeteries are the environment's, but a road or a power line to one is works like any other (rule 6, after the works). */
const CEMETERY = words(['nghia trang', 'nghia dia', 'khu mai tang', 'nha tang le']);
/** Disinfecting animal pens is animal husbandry, however "tổng vệ sinh" the campaign is called. */
const PEN_DISINFECTION = words(['tieu doc', 'khu trung chuong', 've sinh chuong trai', 've sinh chuong nuoi']);
/** Livestock pens, built or moved away from the house (class N): animal husbandry, not housing nor the environment — their waste treated is the environment's. */
const PENS = words(['di doi chuong', 'chuong trai', 'chuong nuoi', 'chuong gia suc', 'chuong trau', 'chuong bo', 'chuong lon', 'chuong heo', 'chuong ga', 'chuong de']);
const PEN_WASTE = words(['chat thai', 'nuoc thai', 'biogas', 'khi sinh hoc', 'xu ly', 'dem lot sinh hoc', 'ham u']);
/** "Vệ sinh" is environment unless it is about food or stables. */
const HYGIENE = words(['ve sinh']);
const HYGIENE_ELSEWHERE = words(['thuc pham', 'chuong trai', 'chuong nuoi', 'chan nuoi']);
/** Housing support for the poor is a poverty-support policy (the handbook lists "Hỗ trợ về nhà ở" beside health and schooling support). */
const HOUSING = /(?:^| )(?:nha o|nha tam|nha dot nat|lop nha|ton lop nha|chong dot nha|nha dai doan ket|nha tinh nghia|nha tinh thuong|nha nghia tinh|nha nhan ai|nha mai am|mai am|nha nhan dao|nha chu thap do|(?:xay|sua|lam|sua chua|xay dung) nha (?:cho(?! xe)|o|moi|sau|bi|dan|ho|ngheo)|(?:xay|sua|lam|sua chua|xay dung) nha$)(?: |$)/;

/**
 * Rule 2, seventh round (issue 21, C20-C28): what the conventions file by the activity's nature where
 * a works, crop, place or actor word would misfile it, class by class (the header lists them).
 */
const SEVENTH_ROUND: readonly (readonly [string, Phrases])[] = [
  // a. Cinnamon (C9, C20): certified (C5), processed (crafts), grown (forestry), in that order.
  [MARKET, ['chung nhan(?: [a-z]+){0,3} (?:huu co|vietgap|globalgap)', '(?:duy tri|giu|gia han|tai) chung nhan']],
  ['Tiểu thủ công nghiệp', ['vo que', 'que tam', 'tinh dau que', '(?<!lay )tinh dau', 'chung cat', 'say que', 'phoi que', 'so che que', 'che bien que']],
  ['Lâm nghiệp', ['que huu co', 'chuyen doi que', 'cham soc que', 'vuon que', 'rung que', 'doi que', 'tia thua', '(?:phat|lam|lam sach) co(?: [a-z]+){0,4} que']],
  // c. Water stored by its use (C23): a tradesmen's team building for hire sells a service; a sluice keeping fresh water in a canal, a dam watering fields irrigate; fresh water kept to drink, a cistern ("cống chứa", no culvert), a water plant's pumping station are clean water.
  ['Ngành nghề và dịch vụ nông thôn', ['(?:to|doi|nhom) tho(?: xay| ho| ne)?', 'xay thue', 'lam thue', 'nhan xay']],
  ['Thủy lợi', ['cong tru ngot', 'cap nuoc (?:cho )?(?:dong|dong ruong|ruong|canh dong|san xuat)']],
  ['Nước sạch', ['tru ngot', 'ho tru ngot', 'cong chua nuoc', 'cong chua', 'nha may nuoc', 'nuoc uong']],
  // e. Tourism and crafts (C18, C27): heritage houses kept are culture, a craft village's gate its cultural works, a showroom market links, lodging and visitors a service, designs improved and meat packed crafts.
  ['Văn hóa', ['nha trinh tuong', 'nha co', 'nha san truyen thong', 'bao ton nha']],
  [CULTURE_WORKS, ['cong lang nghe', '(?:xay|xay dung|lam|sua|sua chua|nang cap) cong lang']],
  [MARKET, ['phong trung bay', 'trung bay san pham', 'diem trung bay', 'showroom']],
  ['Ngành nghề và dịch vụ nông thôn', ['homestay', 'home stay', '(?:dich vu|phuc vu|co so|diem|kinh doanh) luu tru', 'luu tru (?:khach|du lich|cong dong|tai nha dan)', 'du lich cong dong', 'don tiep khach', 'don khach', 'khach tham quan']],
  ['Tiểu thủ công nghiệp', ['mau ma', 'cai tien mau', 'che bien(?: va)? dong goi', 'dong goi thit', 'thit (?:trau |bo |lon |heo )?gac bep', 'thit say', 'lap xuong']],
  // f. The commune's digital transformation (C26): a cashless market fair is market links; village Zalo groups, QR codes, e-wallets and bank apps taught are local government (a union's own cadres trained: rule 1).
  [MARKET, ['(?:phien cho|cho phien|cho nong thon|hoi cho)(?: [a-z]+){0,3} khong dung tien mat']],
  [GOVERNMENT, ['zalo', 'nhom zalo', 'ma qr', 'qr', 'quet ma', 'vi dien tu', 'app ngan hang', 'ung dung ngan hang', 'ngan hang so', 'ngan hang dien tu', 'mobile banking', 'internet banking']],
  // g. Family and gender: domestic violence (BLGĐ) talked of by anyone, the Women's Union too, marital mediation, the "leaders of change" clubs are social; the Women's Union's own "5 không 3 sạch" campaign is its business.
  [SOCIAL, ['blgd', 'bao luc gd', 'thu linh cua su thay doi', 'thu linh thay doi', 'mau thuan vo chong', 'hoa giai(?: [a-z]+){0,3} vo chong', 'hanh phuc vo chong']],
  [MASS_ORGS, ['5 khong 3 sach', 'nam khong ba sach']],
  // h. Fishing at sea and its rules (C25): a fishers' union is organised like an HTX (market links); fishing teams at sea, VMS on vessels, shellfish seed grounds protected are fisheries.
  [MARKET, ['nghiep doan']],
  ['Thủy sản', ['khai thac tren bien', 'khai thac hai san', 'khai thac thuy san', 'to doan ket(?: [a-z]+){0,4} (?:tren bien|bien|hai san|khai thac|nghe ca|danh ca)', 'vms', 'giam sat hanh trinh(?: [a-z]+){0,2} tau', 'bai ngao', 'bai so(?! [0-9])', 'bai nghieu', 'bai ngheu', 'ngao giong', 'nghieu giong', 'ngheu giong', 'so huyet', 'nguon loi thuy san', 'nguon loi(?: [a-z]+){0,2} (?:ngao|nghieu|ngheu|so|ca|tom|cua)', 'iuu', 'neo dau tau', 'tau thuyen', 'nghe ca']],
  // i. Markets and services: a residents' self-managed team at a market keeps order; a repair shop, a hired truck collecting produce are services; a forest-products market day and a trial export are market links.
  ['An ninh trật tự', ['tu quan(?: [a-z]+){0,3} cho nong thon']],
  ['Ngành nghề và dịch vụ nông thôn', ['tiem sua chua', 'mo tiem', '(?:thue )?xe thu gom (?:nong san|rau|qua|hang|san pham|lua|trai cay|nong lam san)', 'thu gom (?:nong san|rau qua|san pham)']],
  [MARKET, ['xuat khau thu', 'xuat khau (?:lo|trai|qua|nong san|vai|buoi|xoai|thanh long|sau rieng|chuoi)', '(?:phien cho|cho phien|cho nong thon|phien giao dich) lam san', 'lam san(?: [a-z]+){0,2} (?:phien|dinh ky)']],
  // j. Swimming and rescue (C22): a mass swimming movement is culture; a shock or rescue team (its drowning first aid too) security; swimming lessons and drowning prevention for children social.
  ['Văn hóa', ['toan dan tap boi', 'phong trao(?: [a-z]+){0,3} (?:tap boi|boi loi)']],
  ['An ninh trật tự', ['(?:doi|to|luc luong) (?:xung kich|cuu ho|cuu nan|phan ung nhanh)']],
  [SOCIAL, ['day boi', 'hoc boi', 'tap boi', 'boi an toan', 'phong chong duoi nuoc', 'duoi nuoc']],
  // k. A union's cultural events (a singing festival, a cooking contest) are culture, not its own business.
  ['Văn hóa', ['lien hoan', 'tieng hat', 'hoi thi nau an', 'thi nau an', 'nau an ngon', '(?:hoi thi|thi) (?:van nghe|hat|mua|am thuc|trang phuc|cam hoa)']],
  // l. A law bookcase (wherever it stands), land disputes mediated (forest land too), lists of poor households reviewed are local government.
  [GOVERNMENT, ['tranh chap(?: [a-z]+){0,3} dat', 'tu sach phap luat', 'tu sach phap ly', '(?:ra soat|lap|cap nhat|phe duyet|niem yet)(?: [a-z]+){0,3} danh sach', 'danh sach ho ngheo']],
];
/** C36: a village's or a community's library, a book shelf or case (not the legal one, C10), and no school named after it (C1, C12). */
const VILLAGE_LIBRARY = 'thu vien (?:[a-z]+ )?(?:thon|ban|xom|ap|lang|xa|cong dong|tu nhan|nha van hoa)|tu sach(?! (?:phap luat|phap ly))|ke sach|phong doc';
const NOT_AT_SCHOOL = '(?!(?: [a-z]+)* (?:truong|diem truong|hoc sinh)(?= |$))';

/**
 * Rule 2, eighth round (issue 21, C29-C41 and the classes of error of the eighth corpus): what the
 * conventions file by the activity's nature where a works, crop, place, actor or beneficiary word
 * would misfile it, class by class (the header lists them). Read before the seventh round's.
 */
const EIGHTH_ROUND: readonly (readonly [string, Phrases])[] = [
  // a. C33: storm- and flood-resistant houses and shelters for vulnerable households are housing (C2), their loan too (before credit and security's "bão lũ").
  [SOCIAL, ['nha (?:o )?(?:chong chiu|chong|chiu|tranh|an toan)(?: [a-z]+){0,2} (?:bao|lu|lut|ngap|thien tai)', '(?:choi|nha|san) tranh (?:lu|lut)', 'nha an toan(?: truoc)?(?: [a-z]+){0,2} bao']],
  // b. C31: the border — lines and markers self-managed, sovereignty, the border guard, safe-boat and safe-wharf teams set up as a security model (before fishing's "tàu thuyền").
  ['An ninh trật tự', ['duong bien(?! (?:dao|dong))', 'moc quoc gioi', 'cot moc', 'an ninh bien gioi', 'tuan tra (?:song phuong|chung|bien gioi)', 'chu quyen', '(?:to|doi) (?:tau |thuyen |do |ghe |tau thuyen |do ngang |do doc )?an toan', 'ben (?:bai|do|thuyen) an toan']],
  // c. C10, C22, C39: information poverty reduction (Dự án 6, a social programme's communication, whatever channel carries it), men sharing housework (gender), children without parents, elderly care at home are social protection, whatever illness or volunteer is named; community rehabilitation and mental health are health.
  [SOCIAL, ['giam ngheo (?:ve )?thong tin', 'chia se viec nha', '(?:tham gia|lam|ganh vac) viec nha', 'do dau', 'cham soc nguoi cao tuoi', 'cham soc nguoi gia', 'phung duong nguoi cao tuoi']],
  ['Y tế', ['phat hien som', 'phuc hoi chuc nang', 'suc khoe tam than', 'benh tam than', 'roi loan tam than', 'tam than phan liet', 'tu van tam ly', 'do huyet ap', 'huyet ap']],
  // d. C35: land given to landless households is social protection, like resettlement (C21).
  [SOCIAL, ['(?:cap|giao|chia|ho tro) (?:them )?dat (?:o|san xuat)(?! (?:nong|lam))']],
  // e. C12: teaching proper — contracted teachers, multi-grade and charity classes — is schooling, even at a school's site.
  ['Giáo dục', ['lop hoc tinh thuong', 'lop ghep', 'hop dong giao vien', 'giao vien hop dong', 'xoa mu chu']],
  // f. C16: sports events are culture, whatever health or whom they name ("Giải việt dã … vì sức khỏe").
  ['Văn hóa', ['toan dan (?:tap luyen|tap|hoc)(?: [a-z]+){0,2} boi', 'giai viet da', 'viet da', 'chay vi suc khoe', 'ngay chay olympic', 'giai (?:bong|chay|vat|bi sat|pickleball|the thao)']],
  // g. C3: job placement whatever the employer ("Giới thiệu 30 lao động vào làm doanh nghiệp").
  ['Đào tạo nghề - Việc làm', ['gioi thieu(?: [0-9]+)? (?:lao dong|nguoi lao dong)', 'cung ung lao dong', 'tuyen dung', 'tu van viec lam']],
  // h. C18: a buying agent and a food stall sell a service, though "thu mua" and "bán hàng" are market links.
  ['Ngành nghề và dịch vụ nông thôn', ['(?:doi|to|nguoi) thu mua', 'lam dai ly', 'dich vu van chuyen', 'van chuyen(?: [a-z]+){0,2} thue', 'cho thue', '(?:mo|mo rong|duy tri) (?:co so|xuong|tiem|cua hang|quay)(?: [a-z]+){0,3} sua(?: chua)?', 'xe (?:[a-z]+ ){0,3}thue', '(?:cay|gat|tuot|phun|bua|gom|say|xay|lam dat) (?:[a-z]+ ){0,2}thue', 'quay (?:an uong|giai khat|hang an)', 'giai khat', 'ban (?:hang )?(?:an uong|do an)', 'quan an uong']],
  // j. C36: reading — village libraries and shelves furnished (books, computers, shelves) are cultural works; reading days, mobile libraries, reading clubs and running a shelf are culture; pupils' reading stays schooling; a legal bookcase government (seventh round).
  ['Giáo dục', ['(?:doc sach|van hoa doc)(?: [a-z]+){0,4} (?:hoc sinh|truong|lop)']],
  [CULTURE_WORKS, [`(?:bo sung|trang bi|mua|mua sam|cap|tang|lap dat|xay|xay dung|lam|sua chua|nang cap)(?: [a-z]+){0,6} (?:cho |cua )?(?:${VILLAGE_LIBRARY})${NOT_AT_SCHOOL}`]],
  ['Văn hóa', [`(?:doc sach|van hoa doc|thu vien luu dong|${VILLAGE_LIBRARY}|gop sach|quyen gop sach)${NOT_AT_SCHOOL}`]],
  // k. C18: processing named first is the activity, whatever its packaging or label ("Chế biến thịt heo đen … có bao bì, nhãn mác").
  ['Tiểu thủ công nghiệp', ['(?<!.)(?:ho tro |phat trien |duy tri )?(?:che bien|so che)']],
  // i. C11: the one-stop public-administration centre, renaming and regrouping villages are local government.
  [GOVERNMENT, ['hanh chinh cong', 'doi ten (?:thon|ban|xom|ap|to dan pho)']],
];

/**
 * Rule 2, ninth round (issue 21, C42-C45 and the classes of error of the ninth corpus): what the
 * conventions file by the activity's nature where a works, place, actor or beneficiary word would
 * misfile it, class by class (the header lists them). Read before the eighth round's.
 */
const NINTH_ROUND: readonly (readonly [string, Phrases])[] = [
  // a. C45: merging or closing satellite school sites and reorganising the school network is schooling, and so is pupils' transport (C12); the classrooms built to receive them are works named first (rule 2's "works lead").
  ['Giáo dục', ['(?<!sau )(?:don|don dich|sap nhap|sap xep(?: lai)?|gom|thu gon|hop nhat|quy hoach lai)(?: [a-z0-9]+){0,3} (?:diem truong|diem le|diem lop|truong lop|mang luoi truong)', 'mang luoi truong(?: lop| hoc)?', '(?:xe )?dua don (?:hoc sinh|tre)']],
  // b. C43: drinking water delivered — trucked, shipped, bottled or given as relief — is clean water (before relief's "cứu trợ").
  ['Nước sạch', ['(?:cho|phat|phan phoi|van chuyen|cung cap|ho tro|cuu tro|tiep te) (?:[a-z]+ ){0,3}nuoc (?:ngot|sinh hoat|uong|sach|dong chai|dong binh|dong thung|binh)', 'nuoc (?:uong )?(?:dong chai|dong binh|dong thung)', 'xe (?:bon|stec|tec) (?:cho )?nuoc']],
  // c. C44: relics restored, festival boats and races, instruments and costumes for a club, team or festival are culture (a cultural house's fixed equipment stays its works).
  ['Văn hóa', ['(?<!tap )trung tu', 'ton tao(?! (?:canh quan|khuon vien|cay xanh))', 'di tich', 'chua khmer', 'ghe ngo', 'dua ghe', 'dua thuyen', 'boi thuyen', 'thuyen rong', 'nhac cu', 'bo chieng', '(?:mua|trang bi|cap|tang|ho tro)(?: [a-z]+){0,3} (?:bo )?(?:cong chieng|chieng)', 'trang phuc (?:bieu dien|van nghe|le hoi|dan toc|truyen thong)']],
  // d. C14: disaster and fire drills (a forest fire drill stays forestry, C17), evacuation and rescue gear are security, whatever reservoir, dyke or boat they name.
  ['An ninh trật tự', ['dien tap(?!(?: [a-z]+){0,5} rung(?: |$))', 'so tan (?:dan|ho|nguoi)', '(?:tau|thuyen|tau thuyen|xuong|ca no|phao|ao phao|thiet bi|dung cu) (?:[a-z]+ ){0,2}(?:cuu ho|cuu nan|cuu sinh)', 'tim kiem cuu nan']],
  // e. C11: Đề án 06, identity cards, population data and residence filing are local government, whoever leads them (the commune police too).
  [GOVERNMENT, ['de an 06', 'tien ich (?:so|de an 06|vneid)', 'can cuoc', 'du lieu dan cu', '(?:dang ky|thu tuc) (?:cu tru|thuong tru|tam tru)']],
  // f. C25: fishing vessels and their owners, their equipment and anchorages are fisheries.
  ['Thủy sản', ['tau ca', 'chu tau', 'may do ngang', 'may do ca', 'khu neo dau', 'cang ca', 'giam sat hanh trinh']],
  // g. C22: home care of elderly or bedridden people is social protection, whoever volunteers for it.
  [SOCIAL, ['cham soc tai nha', 'cham soc tai gia', 'cham soc (?:[0-9]+ )?(?:cu|nguoi gia|nguoi cao tuoi)(?: [a-z]+){0,3} (?:tai nha|neo don|liet giuong|han che van dong)']],
  // h. C5: a cooperative's own membership is the cooperative's (not a mass organisation's "kết nạp"); a certified growing area kept or widened is certification (C20).
  [MARKET, ['(?:hop tac xa|htx|to hop tac)(?: [a-z]+){0,4} ket nap', 'ket nap(?: [a-z0-9]+){0,3} (?:thanh vien|xa vien)(?: [a-z]+){0,2} (?:hop tac xa|htx|to hop tac)', 'ket nap (?:them )?(?:[0-9]+ )?xa vien', 'dien tich(?: [a-z]+){0,3} (?:dat chuan |dat )?(?:vietgap|globalgap)', '(?:duy tri|giu|mo rong)(?: [a-z]+){0,4} (?:vietgap|globalgap)']],
  // i. C3: people placed in jobs whoever they are ("Giới thiệu học viên … vào làm việc tại doanh nghiệp").
  ['Đào tạo nghề - Việc làm', ['vao lam viec', 'lam viec tai (?:doanh nghiep|cong ty|nha may|khu cong nghiep|xi nghiep|xuong)', 'gioi thieu(?: [0-9]+)? (?:hoc vien|thanh nien|nguoi)(?: [a-z0-9]+){0,5} (?:viec lam|lam viec|doanh nghiep)']],
  // j. C18: opening a buying point is a buying agent's service, and a service named first is a service whoever it serves ("Dịch vụ phun thuốc … cho các HTX"); a showroom is market links (seventh round).
  ['Ngành nghề và dịch vụ nông thôn', ['(?:mo|lap|mo them|mo rong) (?:[a-z]+ )?(?:diem|dai ly|co so|cua hang|quay) thu mua', '(?<!.)(?:ho tro |phat trien |mo |lam |to chuc )?dich vu(?! (?:cong|hanh chinh|y te|moi truong rung|truc tuyen|xa hoi|tro giup|cham soc suc khoe))']],
  [MARKET, ['(?:nha|khu|gian) trung bay']],
  // k. C2, C8: telecom cables tidied or laid underground are the information works' upkeep, not landscaping.
  [CULTURE_WORKS, ['(?:bo gon|ha ngam|chinh trang|thu hoi|sap xep|don dep)(?: [a-z]+){0,2} (?:cap|day cap|day)(?: [a-z]+){0,2} (?:vien thong|internet|quang|truyen hinh)']],
  // l. C9: mangroves and protective forests planted are forestry, whatever pond or dyke they protect (any tree planted against erosion: EROSION).
  ['Lâm nghiệp', ['trong (?:moi |bo sung |lai |them )?(?:[0-9]+ (?:ha )?)?(?:rung|cay|dai rung|dai cay) (?:ngap man|phong ho|chan song|chan cat|chan gio)', '(?:mam|duoc|su|vet|ban) (?:va )?(?:mam|duoc|su|vet)(?= |$)', 'cay (?:mam|duoc(?! lieu)|su vet|ban chua)']],
  // o. C42: inventorying surplus premises and deciding their use or disposal is local government (converting one to a named use is that use: CONVERSION, or works on the object named).
  [GOVERNMENT, ['(?:ra soat|kiem ke|lap phuong an|phuong an|xu ly|thanh ly|ban giao|sap xep|quan ly|dau gia|bo tri)(?: [a-z]+){0,5} (?:doi du|tai san cong)']],
  // p. C38, C15: solar panels produce power wherever they stand (a school's roof too; solar pumps and dryers keep their use).
  ['Điện', ['(?:dien|pin|tam pin|he thong dien|he thong) (?:nang luong )?mat troi', 'ap mai']],
  // q. C19 by analogy (BHYT is health): voluntary social insurance is social protection, whoever's work it insures.
  [SOCIAL, ['bao hiem xa hoi']],
  // n. C30: methadone and other substitution treatment is health, whoever it is for.
  ['Y tế', ['methadone', 'metadon', 'dieu tri thay the']],
  // m. C10: a union's members mobilised to register for its emulation are its own business (older corpora).
  [MASS_ORGS, ['van dong hoi vien(?: [a-z]+){0,2} dang ky']],
];

/**
 * Rule 2, tenth round (issue 21, C46-C49 and the classes of error of the tenth corpus): what the
 * conventions file by the activity's nature where a works, place, actor or beneficiary word would
 * misfile it, class by class (the header lists them). Read before the ninth round's.
 */
const TENTH_ROUND: readonly (readonly [string, Phrases])[] = [
  // a. C3: a vocational course is jobs whatever trade it teaches, a tourism trade too (before the seventh round's "du lịch cộng đồng").
  ['Đào tạo nghề - Việc làm', ['so cap nghe', 'nghe so cap', 'lop so cap', 'dao tao nghe', 'day nghe', 'hoc nghe']],
  // b. C38, C23: a pump watering crops is irrigation, whatever powers it (before the ninth round's solar power).
  ['Thủy lợi', ['(?:may )?bom(?: [a-z]+){0,5} (?:tuoi|de tuoi|phuc vu tuoi)(?= |$)']],
  // c. C43: fresh water pumped, shipped by barge or bagged and handed out to households is clean water.
  ['Nước sạch', ['nuoc ngot(?: [a-z]+){0,8} (?:phat|cap|chia|phan phoi) (?:cho )?(?:dan|ho|nguoi dan|ba con|cac ho)', 'sa lan(?: [a-z]+){0,2} nuoc', 'tui tru nuoc', 'tui tru']],
  // d. C12, C19: cooking for boarding pupils is schooling, whoever cooks ("cấp dưỡng" folds like "nâng cấp đường": not read); food-safety checks of a school kitchen (kiểm thực 3 bước, meal samples kept) are health.
  ['Y tế', ['kiem thuc', 'luu mau(?: thuc an| thuc pham)?']],
  ['Giáo dục', ['(?:nau|nau an|bua an|suat an)(?: [a-z]+){0,4} (?:hoc sinh|ban tru)']],
  // e. C36, C2: a book shelf and its computers at a cultural house are its works even without a verb; loudspeakers and their poles are information works wherever they hang (a market too).
  [CULTURE_WORKS, [`(?<!.)(?:${VILLAGE_LIBRARY}|gia sach)(?: [a-z0-9]+){0,5} (?:may tinh|cho nha van hoa)`, '(?<!.)(?:lap dat |lap |mua |mua sam |trang bi |sua chua |nang cap |thay )?(?:cum |he thong |bo )?loa (?:phat thanh|truyen thanh|keo)', 'cot (?:treo )?loa']],
  // f. C18, C27: tours and experiences sold to visitors are a service; a buying point and hauling for hire are services, named without a verb too.
  ['Ngành nghề và dịch vụ nông thôn', ['tour', 'du lich trai nghiem', '(?<!.)trai nghiem', '(?<!.)(?:diem|dai ly|quay|tram) thu mua', 'xe (?:[a-z]+ ){0,5}thue']],
  // g. C44 by analogy, C12: passing on an ethnic script, songs or instruments to the young is culture, not schooling.
  ['Văn hóa', ['truyen day', 'chu nom', 'chu (?:thai|dao|cham|khmer|tay|nung|h mong) co']],
  // h. C2: social housing and its buyers' lists are social protection (before the seventh round's lists).
  [SOCIAL, ['nha o xa hoi']],
  // n. C10 (class C): a village's communication team is the community communication team of Dự án 8, named without "cộng đồng" too. (The yearly review of poor households stays Xã hội, as most corpora label it.)
  [SOCIAL, ['(?<!.)(?:thanh lap |duy tri |kien toan |cung co |ra mat )?to (?:tuyen truyen|truyen thong)(?: (?:cong dong|thon|ban|xom|ap|lang))?(?: (?:sinh hoat|hop|hoat dong)(?: [a-z0-9]+)*)?$']],
  // i. C26: a community digital-technology team is local government whoever sits in it.
  [GOVERNMENT, ['to (?:cns|cong nghe so)(?: cong dong)?']],
  // j. C22, C2: visits and gifts to policy families and the poor (a union's to its sick members stay its own business), a house raised for a poor member are social protection, a union's too (class B).
  [SOCIAL, ['(?:tham hoi|tang qua)(?: [a-z]+){0,6} (?:gia dinh chinh sach|gd chinh sach|ho ngheo|nguoi ngheo|neo don|ho kho khan)', '(?:giup|ho tro)(?: [a-z]+){0,3} ngheo(?: [a-z]+){0,2} (?:dung|xay|lam|sua) nha(?! (?:tieu|ve sinh|van hoa|cong dong|kho|chuong|luoi|mang))', '(?:dung|xay|lam|sua) nha(?! (?:tieu|ve sinh|van hoa|cong dong|kho|chuong|luoi|mang))(?: [a-z]+){0,2} (?:cho )?(?:hoi vien|ho) ngheo']],
  // k. C47: guarding one's own crops or orchards is growing them; forest cover kept is forestry, whatever crop grows under it.
  ['Trồng trọt', ['(?:trong giu|canh giu|canh gac|chot)(?: [a-z]+){0,3} (?:vuon|ruong|nuong)']],
  ['Chăn nuôi', ['(?:trong giu|canh giu|canh gac|chot)(?: [a-z]+){0,3} (?:dan|chuong) (?:trau|bo|de|gia suc|lon|heo)']],
  ['Lâm nghiệp', ['(?:do )?che phu(?: [a-z]+){0,3} rung']],
  // l. Class D: fertilising a crop with compost is growing it; a composting site built for waste, or compost made at home, is the environment's.
  ['Trồng trọt', ['(?<!.)(?:ho tro )?bon phan']],
  ['Môi trường', ['(?:khu|bai|diem|nha|ham|be) u (?:phan|rac)', 'u phan(?: [a-z]+){0,4} tai (?:nha|ho|gia dinh)']],
  // o. C46: a retaining wall or taluy holding a building's ground is that building's works (a road's taluy stays the road's, a river's kè irrigation, C14).
  [GOVERNMENT, ['(?:ke|ke da|taluy|ta luy|tuong chan|tuong ke|tuong chan dat)(?: [a-z]+){0,3} (?:nen |khuon vien )?(?:tru so|uy ban nhan dan xa)']],
  [CULTURE_WORKS, ['(?:taluy|ta luy|tuong chan|tuong ke)(?: [a-z]+){0,3} (?:nen |khuon vien )?(?:nha van hoa|nha sinh hoat cong dong|nha rong|san the thao)']],
  [SCHOOL, ['(?:taluy|ta luy|tuong chan|tuong ke)(?: [a-z]+){0,3} (?:nen |khuon vien )?(?:diem truong|truong hoc|truong mam non|truong tieu hoc|truong trung hoc|phan hieu)']],
  // p. C47: a pond, cage or herd guarded by its producers is fisheries or husbandry (crops: k).
  ['Thủy sản', ['(?:trong giu|canh giu|canh gac|chot)(?: [a-z]+){0,3} (?:ao|dam|long|be) (?:nuoi|ca|tom|cua)']],
  // q. C48: a group, team or HTX that runs a work takes the work's sector — water users' and irrigators' groups irrigation, a water scheme's operators clean water.
  ['Thủy lợi', ['(?:to|nhom|doi|hop tac xa|htx)(?: [a-z]+){0,2} (?:thuy nong|dung nuoc)', '(?:to|nhom|doi)(?: [a-z]+){0,3} (?:quan ly|van hanh)(?: [a-z]+){0,3} (?:kenh|muong|tram bom|dap|ho chua|cong trinh thuy loi)']],
  ['Nước sạch', ['(?:to|nhom|doi|hop tac xa|htx)(?: [a-z]+){0,3} (?:quan ly|van hanh|tiep nhan)(?: [a-z]+){0,4} (?:cong trinh (?:cap )?nuoc|cap nuoc|nuoc sinh hoat|nuoc sach|nha may nuoc|tram cap nuoc)']],
  // r. C49: testing the water of wells, taps or a supply scheme is clean water (wastewater monitoring stays the environment's, pond water fisheries).
  ['Nước sạch', ['(?:xet nghiem|kiem nghiem|kiem tra|lay mau|test|phan tich|giam sat)(?: [a-z]+){0,4} (?:mau )?(?:nuoc (?:gieng|may|sinh hoat|sach|uong|an uong)|chat luong nuoc (?:gieng|may|sinh hoat|sach|uong|an uong))', 'mau nuoc (?:gieng|may|sinh hoat|sach|uong|an uong)']],
  // s. C1: the toilets and lodging of pupils and teachers are the school's, named without the school too; C22: swimming taught to children is social protection, "phổ cập bơi" too.
  [SCHOOL, ['(?:nha ve sinh|khu ve sinh|cong trinh ve sinh|nha cong vu|phong o|nha o ban tru)(?: [a-z]+){0,1} (?:cho |cua )?(?:hoc sinh|giao vien|tre mam non)']],
  [SOCIAL, ['pho cap boi', 'ky nang boi', 'biet boi']],
  // t. Village assemblies on the village's plan are local government (rule 8); one held for a named work keeps the work's sector (C6).
  [GOVERNMENT, ['(?<!.)(?:to chuc )?hop (?:dan|thon|ban|xom|to dan pho)(?: [a-z]+){0,3} ke hoach', 'ke hoach phat trien (?:thon|ban|xom|xa)']],
  // u. C18: a tillage, harvesting or spraying service provided (by an HTX too) is a service.
  ['Ngành nghề và dịch vụ nông thôn', ['(?:cung cap|cung ung|lam|mo|lam cac) dich vu (?:lam dat|cay|bua|phun|gat|tuot|say|van chuyen|bay|sua chua|co gioi)']],
  // v. C4, C2: wastewater treatment works are the environment's (a water plant's treatment stays clean water's); C10: premarital counselling is family and gender; C2: the hall of the commune's own offices is local government's (a village hall stays cultural works).
  ['Môi trường', ['(?:khu|tram|he thong|be|ho|cong trinh|nha may|mo hinh)(?: [a-z]+){0,1} xu ly nuoc thai', '(?<!.)(?:xay|xay dung|lam|nang cap|sua chua)?(?: [a-z]+){0,2} xu ly nuoc thai (?:tap trung|sinh hoat|khu dan cu|lang nghe|cum dan cu)']],
  [SOCIAL, ['tien hon nhan', 'tu van hon nhan']],
  [GOVERNMENT, ['hoi truong (?:uy ban nhan dan|dang uy|tru so|hoi dong nhan dan)']],
  // m. C21: a road to a resettlement site is a road (the site's works keep their sector).
  ['Giao thông', ['(?<!.)(?:duong|tuyen duong|duong dan|cau)(?: [a-z]+){0,2} (?:vao|den|toi|ra) (?:khu |diem )?(?:tai dinh cu|dinh canh|dinh cu)']],
];

/** Rule 2: what a works word (or a trade word: "dịch vụ công", a crop: "bảo vệ mùa màng") would misfile. */
const OVERRIDES = rules([
  ...TENTH_ROUND,
  ...NINTH_ROUND,
  ...EIGHTH_ROUND,
  ...SEVENTH_ROUND,
  ['Lâm nghiệp', ['bao ve rung', 'chay rung', 'can lua', 'duong ranh(?: can lua)?', 'ranh can lua', 'choi canh lua', 'canh lua rung', 'lua rung', 'bang can lua', 'tuan tra rung', 'giao khoan rung', 'khoanh nuoi', 'quan ly rung', 'moi truong rung', 'nhan khoan bao ve']],
  ['Đào tạo nghề - Việc làm', ['viec lam', 'huong nghiep', 'xuat khau lao dong', 'dao tao nghe', 'day nghe', 'hoc nghe', 'nghe so cap', 'so cap nghe', 'lop nghe', 'lop trong', 'lop nuoi', 'lop may', 'lop det', 'lop theu', 'lop che bien', 'lop sua chua', 'chuyen doi nghe', 'de an 1956', 'dien dan dung',
    // Vocational courses whatever the trade (class D, C3): "lớp sơ cấp …", a certificate, the trades taught as such.
    'lop so cap', 'so cap(?! cuu)', 'trinh do so cap', 'chung chi nghe', 'cap chung chi', 'chung chi so cap', 'co khi han', 'nghe han', 'han dien', 'lop han', 'lop dien', 'may cong nghiep', 'di lam viec', 'gioi thieu viec lam', 'gioi thieu lao dong']],
  ['An ninh trật tự', ['an toan giao thong', 'mu bao hiem', 'lua dao', 'phong chay', 'chua chay', 'chay no', 'tuan tra', 'chong trom', 'trom cap', 'vu khi', 'vat lieu no', 'nghia vu quan su', 'quan su', 'tuyen quan', 'giao nhan quan', 'giao quan', 'nhap ngu', 'thao truong huan luyen', 'huan luyen dan quan', 'camera', 'camera an ninh', 'vi pham phap luat', 'xuat canh', 'nhap canh', 'thon doi truong', 'ban chi huy quan su', 'tai hoa nhap', 'an phat tu', 'chap hanh xong an', '(?<!huong )dan phong', 'doi dan phong', 'bao ve dan pho', 'cong an vien', '(?<!huong )dan quan',
    // Fire alarms and the neighbourhood fire groups (class P, C17).
    'bao chay', 'chuong bao chay', 'lien gia', 'to lien gia', 'binh chua chay', 'diem chua chay',
    // Drugs, social evils and trafficking wherever they are talked of (C10: "… ma túy trong học đường").
    'ma tuy', 'te nan xa hoi', 'mua ban nguoi', 'buon ban nguoi']],
  // Rituals and festivals of the ethnic groups (class G): a crop or a forest named in them makes no farming ("Lễ mừng lúa mới", "Lễ cúng rừng").
  ['Văn hóa', [
    'le cung', 'cung com moi', 'com moi', 'le cat lua', 'tet nhay', 'le mung lua moi', 'mung lua moi', '(?<!san )le hoi', 'cau mua', 'le cau', 'nghi le', 'phuc dung le', 'tet cua dong bao', 'tet cua nguoi', 'tet co truyen cua', 'cung rung', 'cung ben nuoc',
    'le xuong dong', 'le cap sac', 'le hoi truyen thong',
  ]],
  // C34: community and sacred forests, their markers and a quy ước specific to forest protection are forestry (a general hương ước stays culture, below; rituals above).
  ['Lâm nghiệp', ['rung cong dong', 'rung thieng', 'rung dau nguon', 'giao rung', '(?:quy uoc|huong uoc)(?: [a-z]+){0,4} rung', '(?:cam )?moc(?: [a-z]+){0,2} ranh gioi rung', 'ranh gioi rung']],
  ['Văn hóa', ['dai hoi the duc the thao', 'dai hoi the thao', 'hoi khoe phu dong', 'bao ton van hoa', 'bao ton trang phuc', 'bao ton di san', 'bao ton le hoi', 'bao ton tieng', 'bao ton phong tuc', 'bao ton va phat huy', 'huong uoc', 'quy uoc', 'nep song van minh', 'gia dinh van hoa', 'thon van hoa', 'lang van hoa', 'ban van hoa', 'khu dan cu van hoa', 'van nghe']],
  // Gender and Dự án 8 (class C, C10): community communication teams, gender mainstreaming and stereotypes, child and consanguineous marriage, the law of marriage and family — even as a training, a team's launch or a legal contest.
  [SOCIAL, [
    'to tuyen truyen cong dong', 'to truyen thong cong dong', 'long ghep gioi', 'binh dang gioi', 'dinh kien gioi', 'khuon mau gioi', 'dinh kien', 'khuon mau', 'du an 8', 'nhay cam gioi', 'bao luc gioi', 'bao luc tren co so gioi',
    'tao hon', 'hon nhan can huyet', 'can huyet thong', 'hon nhan va gia dinh', 'hon nhan gia dinh', 'luat hon nhan', 'dia chi tin cay', 'nha tam lanh',
  ]],
  [SOCIAL, ['nha dai doan ket', 'tien dien', 'hoa don dien', 'cuu doi', 'cuu tro', 'bao luc gia dinh', 'tro cap dot xuat', 'ho tro dot xuat', 'khac phuc thiet hai', 'khac phuc hau qua', 'bi thiet hai', 'sap nha', 'nha bi sap', 'bi anh huong boi', 'bi anh huong do', 'ho bi anh huong', 'den on dap nghia']],
  // Vaccinating people is health, though "tiêm phòng" alone is the animals' (C19).
  ['Y tế', ['hien mau', 'kinh doanh thuc pham', 'kiem tra thuc pham', 'bao hiem y te', 'tiem (?:phong|vac xin|chung)(?: [a-z0-9]+){0,4} cho (?:tre|tre em|nguoi|phu nu|thai phu|hoc sinh|ba me|nguoi dan)']],
  [MASS_ORGS, ['thi dua', 'phong trao nong dan', 'giam sat dau tu cua cong dong', 'giam sat dau tu cong dong', 'ban giam sat dau tu', 'dai doan ket', 'ket nap hoi vien', 'dai hoi', 'dan van',
    // Their own business (class B): members, their emulation ("hộ sản xuất kinh doanh giỏi"), their branches' meetings.
    'san xuat kinh doanh gioi', 'van dong hoi vien dang ky', 'phat trien hoi vien', 'thu hut hoi vien', 'ket nap', 'phat dong phong trao', 'toan dan doan ket', 'sinh hoat chi hoi', 'sinh hoat chi doan', 'hoi vien dang ky', 'dang ky thi dua', 'sinh hoat he', 'hoat dong he', 'tinh nguyen', 'thanh nien tinh nguyen', 'thanh nien xung kich', 'mua he xanh']],
  // A smartphone and online procedures taught (to the elderly or anyone) are digital government (class O, C11).
  [GOVERNMENT, ['dien thoai thong minh', 'smartphone', 'thu tuc truc tuyen', 'dich vu truc tuyen', 'ung dung so', 'tai khoan dinh danh', 'ky nang so', 'ung dung vneid']],
  [GOVERNMENT, ['tro giup phap ly', 'ke hoach phat trien kinh te xa hoi', 'ke hoach kinh te xa hoi', 'phap ly', 'dich vu cong', 'cong nghe so', 'chuyen doi so', 'ky nang so', 'cong dan so', 'so hoa', 'cong nghe thong tin', 'mot cua', 'cai cach hanh chinh', 'thu tuc hanh chinh', 'chu ky so', 'dinh danh dien tu', 'vneid', 'hoc vu so', 'giao duc phap luat', 'to cong nghe', 'cong nghe cong dong', 'ho so truc tuyen', 'nop ho so', 'khong dung tien mat', 'thanh toan dien tu', 'thanh toan truc tuyen']],
  ['Y tế', ['an toan thuc pham', 've sinh an toan thuc pham', 'ngo doc thuc pham']],
  // All credit (class F, C5), whatever the loan raises or grows ("Cho vay vốn Quỹ HTND nuôi bò sinh sản"), and the large field ("cánh đồng lớn").
  [MARKET, [
    'cho vay', 'vay von', 'von vay', 'vay uu dai', 'von uu dai', 'giai ngan von (?:vay|quy|uu dai|tin dung|cho vay)', 'giai ngan quy', 'quy ho tro nong dan', 'quy ho tro phu nu', 'ngan hang chinh sach', 'tin dung', 'tin chap', 'quay vong von', 'von quay vong', 'quy xoay vong',
    'to tiet kiem', 'nhom tiet kiem', 'canh dong lon', 'canh dong mau lon',
  ]],
]);
const JOBS = 'Đào tạo nghề - Việc làm';
/** The jobs an activity makes, named after it as its purpose ("…, tạo việc làm lúc nông nhàn"). */
const PURPOSE_JOBS = / (?:de |nham |gop phan )?tao (?:them )?viec lam(?: .*)?$/;
const OVERRIDE_TOPIC: Readonly<Record<string, Topic>> = { 'Lâm nghiệp': 'kinh-te', 'Đào tạo nghề - Việc làm': 'kinh-te' };

/**
 * Eighth round: works made for a production are that production's, whatever is built (C29: salt
 * fields, their banks, beds, filters and stores; C32: the earthworks of a rice field raising fish)
 * — before the works and rule 2's "works lead"; a canal bringing water to them stays irrigation.
 */
const PRODUCTION_WORKS = rules([
  ['Tiểu thủ công nghiệp', ['ruong muoi', 'dong muoi', 'san phoi muoi', 'o ket tinh', 'chat loc', 'kho muoi', 'kho chua muoi']],
  ['Thủy sản', ['ruong (?:[a-z]+ ){0,2}nuoi (?:con )?ca', 'ruong lua (?:con )?ca', 'lua (?:con )?ca', '(?:con )?ca ruong', '(?:con )?ca lua',
    // Ninth round (C32 by analogy, the ninth corpus's rule): shrimp raised in rice fields ("1 lúa 1 tôm") and the ponds, pens and cages of aquaculture, their banks too.
    'lua (?:[0-9]+ |mot )?tom', 'ruong(?: [a-z]+){0,3} (?:de )?(?:tha|nuoi) (?:con )?(?:tom|ca)(?= |$)', 'tom lua', 'ruong (?:[a-z]+ ){0,2}nuoi tom', 'ao nuoi(?! (?:con )?(?:vit|ga|ngan|heo|lon))', 'ao (?:con )?tom', 'dam (?:nuoi|tom)', 'ao (?:con )?ca(?! nhan)', 'long nuoi', 'be nuoi', 'long (?:con )?ca', '(?:con )?ca long']],
]);
/** What a field's own works look like: banks and ditches, paths, filters and tanks (a building named is its own works: "Sửa nhà văn hóa thôn Đồng Muối"). */
const FIELD_WORKS = new Set(['Thủy lợi', 'Giao thông', 'Nước sạch']);
const WATER_BROUGHT = words(['(?:cap|dan|lay|dua) nuoc', 'tram bom', 'kenh cap', 'kenh dan', 'may bom', 'bom (?:hut )?nuoc', 'hut nuoc']);
/**
 * Converting land or a building into something else is what it becomes (the activity is what is
 * delivered): "Chuyển đất lúa kém hiệu quả sang sản xuất muối", "Cải tạo chuồng bò cũ thành lán trồng nấm".
 */
const CONVERSION = /^(?:ho tro |mo hinh )?(?:chuyen doi|chuyen|cai tao|doi)(?: [a-z0-9]+){0,2} (?:dat|ruong|chuong|nha|ao|vuon|dien tich|kho|lan|vu|lua|cay|tru so)(?: [a-z0-9]+){0,5}? (?:sang|thanh) (.+)$/;
/**
 * C40 (extending C7, C22): a liên thế hệ club is set aside like a mass organisation — its health
 * checks are health, its loans credit, its arts culture; the club itself (founded, run, widened) is
 * social protection.
 */
const INTERGENERATIONAL = words(['lien the he', 'tu giup nhau']);
const INTERGENERATIONAL_CLUB = /(?:^| )(?:(?:cac )?cau lac bo )?(?:lien the he|tu giup nhau)(?: tu giup nhau)?(?= |$)/g;
/** C37: herb gardens and herbal treatment at a health station are health (medicinal plants for sale are crops). */
/** Whom an activity is for, when they are people ("… cho học sinh hộ diêm dân"), not animals or an organisation ("… cho chó mèo", "… cho HTX"). */
const PEOPLE_FOR = /^ cho (?:cac )?(?:ho|hoc sinh|nguoi|tre|phu nu|thanh vien|hoi vien|doan vien|gia dinh|lao dong|nhan dan|nguoi dan|ba con|dong bao|chi em|con em|can bo|nong dan)(?: |$)/;
const HERBS = words(['thuoc nam', 'vuon thuoc', 'cay thuoc', 'duoc lieu', 'y hoc co truyen']);

/**
 * The production lexicon (lexicon.ts, from VSIC 2018) joins each production sector's words, in that
 * sector's last place (coffee and farm machinery keep theirs before the fish): a species, a crop or a
 * craft material it names counts as the word it is, with the order of the sectors unchanged.
 */
function withLexicon(list: readonly (readonly [string, Phrases])[]): readonly (readonly [string, Phrases])[] {
  const last = new Map(list.map(([sector], i) => [sector, i] as const));
  return list.map(([sector, phrases], i) => (last.get(sector) === i && LEXICON_SECTORS.includes(sector as LexiconSector) ? [sector, [...phrases, ...lexiconPhrases(sector)]] : [sector, phrases]));
}

/** Rule 7: cooperation and market links first, then crafts and rural services, animals, fish, forests, crops (each with the lexicon's words). */
const PRODUCTION = rules(withLexicon([
  [
    MARKET,
    [
      // Crops and animals, farming and forestry named together are production in general: "Hỗ trợ giống cây trồng, vật nuôi".
      'cay trong vat nuoi', 'giong cay giong con', 'nong lam nghiep', 'nong lam ngu nghiep', 'nong lam thuy san',
      'lien ket', 'tieu thu san pham', 'chuoi gia tri', 'ocop', 'nhan hieu', 'thuong hieu', 'nhan mac', 'tem nhan', 'logo', 'bao bi', 'ma so vung trong', 'truy xuat nguon goc',
      // C5, C20, C26: growing-area codes however worded, produce sold online, the household's business plan.
      'ma (?:so )?vung (?:trong|nuoi)', 'livestream', 'ban (?:[a-z]+ ){0,3}(?:truc tuyen|online|qua mang)', 'kinh te ho',
      // Ninth round (C5, C26): a digital shop or stall on a marketplace sells produce online.
      '(?:cua hang|gian hang) (?:so|truc tuyen|online)', 'gian hang tren san', 'san (?:giao dich )?(?:thuong mai dien tu|tmdt)', 'voso', 'postmart', 'shopee', 'lazada', 'tiktok shop', 'sendo',
      'chi dan dia ly', 'thuong mai dien tu', 'tmdt', 'san thuong mai', 'xuc tien thuong mai', '(?<!dai ly )thu mua', 'bao tieu',
      // "hội chợ" named as such: a list of species "quế, hồi, cho hộ…" folds alike.
      'khoi nghiep', 'khoi su kinh doanh',
      'tham gia hoi cho', 'to chuc hoi cho', 'phien cho', 'cho que', 'hang viet', 'quang ba', 'gioi thieu san pham', 'kho lanh', 'kho bao quan', 'san pham chu luc', 'moi xa mot san pham', 'doanh nghiep', 'ban hang', 'hoi cho nong san', 'hoi cho thuong mai', 'hoi cho trien lam', 'gian hang',
    ],
  ],
  [
    'Tiểu thủ công nghiệp',
    [
      'tieu thu cong nghiep', 'thu cong', 'lang nghe', 'det', 'nghe dan', 'dan cot', 'dan may', 'dan tre', 'may det', 'det tho cam', 'tho cam', 'dan lat', 'may tre dan', 'moc dan dung', 'nghe moc', 'theu', 'theu ren', 'gom su', 'do gom',
      'lam gom', 'lo gom', 'nghe gom', 'lo nung', 'noi dat', 'nghe ren', 'lo ren', 'may mac', 'tam huong', 'tam nhang', 'che tam', 'lam huong', 'lam nhang', 'chieu coi', 'det chieu',
      'non la', 'nghe truyen thong', 'gia cong', 'nghe moc', 'xuong moc', 'do moc', 'moc gia dung', 'moc my nghe', 'my nghe', 'xuong may', 'xuong san xuat', 'co so lam', 'co so san xuat', 'lam banh', 'banh da', 'banh trang', 'banh chung', 'lam bun', 'lam mien', 'lam dau phu', 'nau ruou', 'lam ruou', 'lo gach', 'gach thu cong', 'gach khong nung', 'san xuat gach', 'che bien go', 'che bien che', 'lo say', 'dan gio', 'gio tre', 'dan ro',
      // Small processing and crafts revived or kept (class J, C18): tea roasted and dried, paper made by hand, a craft village.
      'sao che', 'may sao', 'say che', 'choi dot', 'choi chit', 'choi tre', 'lam choi', 'bo choi', 'may say', 'so che', 'lam giay', 'giay do', 'khoi phuc nghe', 'phuc hoi nghe', 'giu nghe', 'duy tri nghe', 'bao ton nghe', 'bao ton lang nghe', 'nghe lam',
      // Eighth round (C18, C32): honey extracted, produce dried and packed at home.
      'vat mat', 'loc mat ong', '(?<!.)(?:ho tro )?(?:may )?(?:quay|vat|tach) mat(?: ong)?', 'tach mat', 'dong goi',
      // Ninth round (C18, C32): honey extraction bought first, produce bottled, cashews shelled.
      '(?<!.)(?:ho tro |mua |trang bi |cap )?(?:may |thung )?(?:quay|vat|tach) mat(?: ong)?', 'dong chai', 'boc tach', '(?:boc|tach) vo hat', 'tach hat', 'say (?:hat |cu |qua |la )?(?:tieu|ca phe|dieu|mac ca|nam|chuoi|ot|thao qua|duoc lieu|nong san|ngo|lua|sam|que|hoi)',
    ],
  ],
  // A cooperative of a craft is the craft's (above); any other is cooperation, and so is founding one (COOP_FOUNDING).
  [MARKET, ['hop tac xa', 'htx', 'to hop tac']],
  [
    'Ngành nghề và dịch vụ nông thôn',
    ['dich vu', 'du lich', 'homestay', 'cua hang', 'dai ly', 'vat tu nong nghiep', 'xay xat', 'may xay', 'may nghien', 'sua chua may', 'nganh nghe', 'nghe phu',
      // Selling a service (class J, C18): a repair shop, a food stall, spraying by drone, a buying agent.
      '(?<!tu )quan an(?! ninh| toan)', 'quan giai khat', 'mo quan', 'mo tiem', 'tiem sua', 'tiem may', 'tiem tap hoa', 'tiem cat toc', 'drone', 'may bay khong nguoi lai', 'thiet bi bay', 'dai ly thu mua', 'rua xe', 'sua chua dien lanh', 'sua chua dien tu',
      'sua chua xe', 'sua xe', 'cat toc', 'tap hoa', 'ban vat tu', 'cua hang vat tu', 'dai ly vat tu', 'vat tu phan bon', 'kinh doanh dich vu', 'nha nghi', 'nha hang', 'van tai', 'van chuyen hang'],
  ],
  [
    'Chăn nuôi',
    [
      'chan nuoi', 'gia suc', 'gia cam', 'vat nuoi', 'lon giong', 'nuoi lon', 'lon den', 'lon lai', 'lon nai', 'lon thit', 'dan lon', 'heo', 'trau', 'trau bo', 'bo giong', 'bo sinh san', 'bo cai', 'con bo', 'con trau', 'con lon', 'con de', 'de cai', 'lon cai', 'nuoi bo', 'bo thit', 'dan bo', 'ga', 'ga giong',
      'vit', 'nuoi ngan', 'ngan giong', 'giong ngan', 'ngan phap', 'ngan lai', 'giong vit', 'de giong', 'nuoi de', 'nuoi ong', 'ong mat', 'mat ong', 'thu y', 'lo mom long mong', 'lmlm', 'cum gia cam', 'dich ta', 'tieu doc', 'chuong trai',
      'chuong nuoi', 'thuc an chan nuoi', 'trong co', 'giong co', 'co voi', 'co chan nuoi', 'cho meo', 'benh dai', 'tiem phong',
      // Bees written without marks (C32): a swarm given, bought, kept, split or moved ("đàn ông", men, is never given or split).
      '(?:ho tro|cap|cap phat|mua|nuoi|cham soc|chia|nhan|luan chuyen) (?:[0-9]+ )?dan ong', 'ong giong',
      'giet mo', 'ham u', 'u chua', 'thuc an xanh', 'thu tinh nhan tao', 'phoi giong', 'nuoi huou', 'nuoi tho', 'nuoi chim', 'bo cau', 'nuoi nhim',
    ],
  ],
  // Crops under a forest's canopy, coffee and its nurseries, farm machinery for the household (class L, C9): crop growing, before the forest and the services (a service sold is named so: "làm dịch vụ").
  ['Trồng trọt', ['duoi tan rung', 'tan rung', 'ca phe', 'may cay', 'may tuot', 'may gat', 'may cat lua', 'may phun thuoc', 'may lam dat', 'may nong nghiep', 'co gioi hoa', 'may xoi', 'may bua']],
  ['Thủy sản', ['thuy san', 'ca giong', 'nuoi ca', 'nuoi oc', 'oc nhoi', 'oc buou', 'lua ca', 'ca lua', 'ca trong ruong', 'ao ca', 'ao nuoi', 'ca ruong', 'ca ro phi', 'ca chep', 'ca tram', 'tha ca', 'con ca', 'nuoi tom', 'tom', 'ech', 'nuoi hau', 'nuoi ngao', 'nuoi nghieu', 'nuoi cua', 'nuoi ba ba', 'nuoi ech', 'ca long', 'long ca', 'luon', 'ngu cu', 'ngu luoi cu', 'luoi cu', 'ngu dan', 'tau ca', 'danh bat']],
  [
    'Lâm nghiệp',
    ['lam nghiep', 'rung', 'trong rung', 'cay keo', 'rung keo', 'keo lai', 'giong keo', 'trong keo', 'cay que', 'giong que', 'trong que', 'cay hoi', 'que hoi', 'hoi que', 'giong hoi', 'lam san', 'cay go', 'go lon', 'cay phan tan', 'cay lam nghiep', 'vuon uom', 'uom cay', 'cay luong', 'trong tre', 'cay bo de', 'cay thong', 'cay sa moc', 'phong ho', 'chan gio', 'chan cat', 'ngap man', 'chan song', 'cay chan song',
      // Pines planted, named without diacritics too (seventh round, class l: "trong moi 10 ha thong"; not "thông tin").
      'trong(?: moi| bo sung| lai)?(?: [0-9]+(?: ha)?)? (?:rung |cay )?thong(?! tin| bao| qua| suot| thoang| tu| diep)',
      // Star anise and cinnamon planted, by area (C9; "hồi" folds as "hội", an association, "quế" as "quê", home: not before their names).
      'trong(?: moi| bo sung| lai)?(?: [0-9]+(?: ha)?)? (?:rung |cay )?hoi(?! (?:nghi|thao|vien|dong|phu nu|nong dan|cho|thi|truong|lien hiep|cuu chien binh|nguoi cao tuoi|khuyen hoc|chu thap do))',
      'trong(?: moi| bo sung| lai)?(?: [0-9]+(?: ha)?)? (?:rung |cay )?que(?! (?:huong|nha|quan|ngoai))', 'thong (?:nhua|ma vi|3 la|ba la|2 la|hai la)'],
  ],
  [
    'Trồng trọt',
    [
      // "ngõ xóm" (the lanes) folds as maize: "Vệ sinh ngõ xóm" grows nothing.
      'trong trot', 'lua', 'ngo(?!\\sxom(?= |$))', 'giong san', 'cay san', 'trong san', 'khoai', 'rau', 'cay trong', 'cay an qua', 'cay cong nghiep', 'vuon', 'giong cay', 'giong moi',
      'phan bon', 'phan chuong', 'phan vi sinh', 'sau benh', 'bao ve thuc vat', 'canh tac', 'chuyen canh', 'khuyen nong', 'cay che', 'che shan', 'che tuyet', 'vung che', 'doi che',
      'trong che', 'nuong che', 'trong nam', 'nam rom', 'ca phe', 'hoa mau', 'phong tru', 'ray nau', 'sau hai', 'dich hai', 'diet chuot', 'vu dong', 'nha luoi', 'nha mang', 'canh dong', 'cay giong', 'cham soc cay',
      'cay an trai', 'trai vu', 'cay cam', 'cay buoi', 'vung buoi', 'mac ca', 'duoc lieu', 'voi bot', 'cai tao dat', 'dat chua', 'mua mang',
      'khai hoang', 'ruong nuoc', 'don dien doi thua', 'cai tao dong ruong', 'vietgap', 'cay mia', 'trong mia', 'cay lac', 'dau tuong', 'thanh long', 'cay chuoi', 'cay vai', 'vai thieu', 'cay nhan', 'cay xoai', 'vu xuan', 'vu mua', 'vu he thu', 'gieo cay', 'cay thuoc',
      // Medicinal crops (C9: crop growing, even under forest).
      'ba kich', 'sa nhan', 'thao qua', 'giong sam', 'trong sam', 'cay sam', 'sam ngoc linh', 'sam day', 'dang sam', 'hoai son', 'atiso',
      // Seventh round, class b: medicinal plants by their names, and seed given to poor households (a crop unless an animal, a fish or a tree is named before).
      'duong quy(?! hoach)', 'actiso', 'a ti so', 'cay sam', 'sam', '(?:ho tro|cap|cap phat|trao) (?:cac loai )?giong',
    ],
  ],
]));
/** Founding or strengthening a cooperative is organising production, whatever it will make ("Thành lập tổ hợp tác dệt thổ cẩm"). */
const COOP_FOUNDING = /(?:^| )(?:thanh lap|thanh lap moi|kien toan|cung co|ra mat) (?:cac |[0-9]+ )?(?:hop tac xa|htx|to hop tac|nhom ho|nhom san xuat|to san xuat|to lien ket|nhom lien ket)(?: |$)/;
/** The animals and fish: without a works verb they win over the water they live in ("Thả cá giống … hồ chứa"). */
const ANIMALS = PRODUCTION.filter((r) => r.sector === 'Chăn nuôi' || r.sector === 'Thủy sản');
const GROWING = PRODUCTION.filter((r) => ['Chăn nuôi', 'Thủy sản', 'Lâm nghiệp', 'Trồng trọt'].includes(r.sector));
const COOPERATION: Rule = { sector: MARKET, re: words(['hop tac xa']) };

/** A class opened or taught ("Mở lớp dạy…", "Dạy…", "Lớp…"): in a craft or a trade it is vocational training. */
const CLASS_LEAD = /^(?:mo |to chuc |duy tri )?(?:cac )?(?:lop|day|hoc)(?: |$)/;
const CRAFTS: Rule = PRODUCTION.find((r) => r.sector === 'Tiểu thủ công nghiệp') as Rule;
const SERVICES: Rule = PRODUCTION.find((r) => r.sector === 'Ngành nghề và dịch vụ nông thôn') as Rule;
/** Farm machinery: a class in driving it is vocational ("Mở lớp dạy lái máy cày"). */
const MACHINERY = words(['may cay', 'may tuot', 'may gat', 'may cat lua', 'may lam dat', 'may nong nghiep']);

/** An activity that starts by planting ("Trồng…", "Mô hình trồng…"), or names an area or a way of planting ("vùng trồng…", "kỹ thuật trồng…"), is crop growing when nothing above claimed it ("trong" alone is also "in"). */
const CROP_LEAD = /(?:^(?:ho tro |mo hinh |tap huan ky thuat |huong dan )?|(?:^| )(?:vung|dien tich|mo hinh|ky thuat|ho tro|cham soc va|chuyen sang) )trong(?: |$)/;
const CROPS: Rule = PRODUCTION.find((r) => r.sector === 'Trồng trọt') as Rule;

/**
 * Ninth round (C9, C32, C41: the activity is what is done first): an activity led by planting is
 * the growing of what is planted, whatever its purpose, buyer or cooperative is named after it
 * ("Trồng dâu nuôi tằm" is the mulberry, "Trồng sâm …, HTX sâm" the ginseng, "Trồng rừng ngập mặn
 * … bảo vệ đê bao ao nuôi" the forest, "Trồng cỏ voi nuôi bò" the cattle's forage, C28) — except fish
 * or shrimp raised with it, fisheries (C32).
 */
const PLANTING_FIRST = /^(?:ho tro |mo hinh |phat trien |nhom ho )?trong /;

/** The production named earliest in the text (the list's order at one place); fish or shrimp named stay fisheries (C32: "Trồng lúa kết hợp thả cá", "Trồng cỏ nuôi cá trắm" as C28 for fish). */
function plantedFirst(k: string): Rule | undefined {
  const fish = PRODUCTION.find((r) => r.sector === 'Thủy sản' && r.re.test(k));
  if (fish) return fish;
  let best: { rule: Rule; at: number } | undefined;
  for (const rule of PRODUCTION) {
    const m = rule.re.exec(k);
    if (m && (!best || m.index < best.at)) best = { rule, at: m.index };
  }
  return best?.rule;
}

/** Planting trees, and the banks where planting protects (class L). */
const PLANTING = /^(?:ho tro |mo hinh )?trong (?:moi |bo sung )?(?:cay|tre|rung|dai cay|bang cay)(?: |$)/;
const RIVERBANK = words(['ven song', 'bo song', 'ven suoi', 'bo suoi', 'ven bien', 'bo bien', 'chan song', 'chong xoi lo', 'chong sat lo bo']);
const VERGE_PLANTING = /^(?:ho tro |to chuc )?trong (?:moi |bo sung |them )?(?:[0-9]+ )?(?:(?:hang|luong|khom|bon|tuyen|hang rao) )?(?:cay|hoa|cay hoa|cay xanh|cay bong mat|hoa [a-z]+(?: [a-z]+)?)$/;
/** What protective planting is against (C9): erosion, landslides, blowing sand. */
const EROSION = words(['chong sat lo', 'chong xoi lo', 'chong truot lo', 'chong cat bay', 'chan cat bay']);
const ROADSIDE = words(['ven duong', 'doc duong', 'hai ben duong', 'doc tuyen duong', 'ven tuyen duong', 'ven kenh', 'doc kenh', 'bo kenh']);
/** Crops named (the lexicon's too): planting them on a bank grows them ("Trồng cây xoài ven sông"). */
const CROPS_NAMED = words(['cay an qua', 'cay an trai', 'cay trong', 'rau', 'lua', 'ngo', 'cay cong nghiep', 'duoc lieu', ...lexiconPhrases('Trồng trọt')]);

/** Rule 7, after the production: credit, trade, labour. */
const ECONOMY = rules([
  ['Đào tạo nghề - Việc làm', ['lao dong']],
  [MARKET, ['vay von', 'tin dung', 'nhom tiet kiem', 'to tiet kiem', 'tiet kiem va vay von', 'ngan hang', 'von vay', 'tin chap', 'cho vay', 'quy xoay vong', 'quay vong von', 'von quay vong', 'nong san', 'thuong mai', 'kinh doanh', 'thi truong', 'tieu thu']],
]);
/** Rule 9: production in general (poverty-reduction models, livelihoods) is organising production, after everything more precise. */
const PRODUCTION_IN_GENERAL = words(['sinh ke', 'mo hinh', 'san xuat', 'kinh te', 'thu nhap', 'giam ngheo', 'thoat ngheo', 'nhom ho']);
/** Livelihoods named before whom they are for: production, whoever it helps ("Hỗ trợ sinh kế cho người khuyết tật"); a "mô hình" for someone may be anything. */
const LIVELIHOOD = words(['sinh ke', 'san xuat', 'phat trien kinh te', 'thu nhap', 'giam ngheo', 'thoat ngheo']);

/**
 * Rule 8: education, health, social protection, security, mass organisations, culture, local
 * government, by what is done; then by whom it is for (a group of people is no activity: "Tổ chức
 * giải bóng đá thanh niên" is sport), then by how it is told (tuyên truyền).
 */
const SOCIETY = rules([
  [
    'Giáo dục',
    [
      'hoc sinh', 'giao duc', 'giao vien', 'mam non', 'mau giao', 'pho cap', 'khuyen hoc', 'mu chu', 'sach vo', 'hoc bong', 'den truong', 'thu vien', 'tre dung do tuoi',
      // Learning families, clans and units (class O) are schooling's emulation, not family policy.
      'gia dinh hoc tap', 'dong ho hoc tap', 'don vi hoc tap', 'cong dan hoc tap', 'to dan pho hoc tap', 'thon hoc tap',
      'ra lop', 'den lop', 'di hoc', 'bo hoc', 'nhap hoc', 'chuyen can', 'tuoi den truong', 'tieng viet', 'vao lop 1', 'hoc tap suot doi', 'trung tam hoc tap', 'bua an ban tru', 'nau an cho hoc sinh',
      'doc sach', 'van hoa doc', 'sach giao khoa', 'hoc duong', 'cong dong hoc tap', 'xa hoi hoc tap', 'nhom tre', 'nha tre', 'day boi', 'hoc boi', 'tieng anh', 'ngoai ngu', 'tin hoc', 'day chu', 'hoc chu', 'tieng kinh', 'tieng dan toc', 'sinh vien', 'le tuyen duong', 'tuyen duong hoc sinh',
    ],
  ],
  [
    'Y tế',
    [
      'y te', 'suc khoe', 'kham', 'chua benh', 'tiem chung', 'dinh duong', 'bao hiem y te', 'sot xuat huyet', 'dich benh', 'benh', 'dan so', 'ke hoach hoa gia dinh',
      've sinh thuc pham', 'an toan thuc pham', 'thuc pham', 'phun thuoc', 'can do', 'can tre', 'can nang', 'do chieu cao', 'theo doi tang truong', 'bieu do tang truong', 'vi chat', 'cham soc suc khoe', 'ba me', 'thai phu', 'tram y te', 'nhan vien y te', 'co do', 'sinh de', 'vac xin', 'vacxin', 'vaccine',
      'phong chong dich', 'phong dich', 'chong dich', 'khu khuan', 'covid', 'tay chan mieng', 'sang loc', 'ung thu', 'suy dinh duong', 'nguoi benh', 'diet muoi', 'sot ret', 'trung doc', 'mu loa', 'mo mat', 'thuy tinh the', 'phau thuat', 'vitamin', 'tay giun', 'so giun', 'hiv', 'aids', 'arv', 'cap phat thuoc', 'thuoc thiet yeu', 'cap thuoc', 'tu thuoc', 'so sinh', 'kham thai', 'sua me', 'nuoi con', 'nha ho sinh', 'tai nan thuong tich', 'cong tac vien dan so', 'so cap cuu', 'so cuu', 'cap cuu',
    ],
  ],
  [SOCIAL, ['binh dang gioi', 'bao luc gia dinh', 'tao hon', 'can huyet', 'gia dinh phat trien ben vung', 'hanh phuc gia dinh', 'tro giup xa hoi', 'bao tro xa hoi', 'binh xet ho ngheo', 'ra soat ho ngheo', 'binh xet', 'tro cap', 'che do chinh sach', 'doi tuong chinh sach', 'gia dinh chinh sach', 'chi tra che do',
    'mung tho', 'tai dinh cu', 'di dan', 'di doi(?:\\s+[0-9]+)?\\s+(?:ho|dan|nha|khoi|ra khoi)', 'sap xep dan cu', 'on dinh dan cu', 'dat o', 'hoan canh dac biet', 'hoan canh kho khan',
    // Seventh round, class d (C21): tin houses for the moved, emergency relocation (read before security's "sạt lở"), settling nomadic households, house plots levelled; works for the new site are read first (rule 5).
    'nha ton', 'ho di doi', 'di doi khan cap', 'dinh canh', 'dinh cu', 'san nen nha', 'san lap mat bang (?:nha o|lam nha|xay nha)']],
  ['An ninh trật tự', ['an ninh', 'trat tu', 'ma tuy', 'nguoi nghien', 'cai nghien', 'sau cai', 'te nan', 'toi pham', 'quoc phong', '(?<!huong )dan quan', 'thien tai', 'cuu ho', 'cuu nan', 'cuu sinh', 'dien tap', 'phong thu', 'cong an', 'mua ban nguoi', 'buon ban nguoi', 'gian lan', 'lua dao', 'sat lo', 'lu quet', 'lu ong', 'ngap lut', 'bao lu', 'lut bao']],
  // The organisations by name; their members ("hội viên", "thanh niên") are read after the work (below).
  [MASS_ORGS, ['doan the', 'chi hoi', 'hoi lien hiep phu nu', 'doan xa', 'chi doan', 'hoi nong dan', 'hoi phu nu', 'cuu chien binh', 'mat tran', 'hoi nguoi cao tuoi', 'doan thanh nien']],
  [SOCIAL, ['khuyet tat', 'bao tro', 'tang qua', 'tham hoi', 'nguoi co cong', 'gioi tinh', 'long ghep gioi', 'van de gioi', 'xa hoi', 'neo don', 'mo coi', 'tro cap', 'mai tang', 'dua don', 'dem an toan', 'bao luc', 'xam hai', 'dia chi tin cay', 'nha tam lanh', 'con thu 3', 'con thu ba', 'an tet', 'qua tet']],
  [
    'Văn hóa',
    [
      'van hoa', 'le hoi', 'the thao', 'bong chuyen', 'bong da', 'hoi dien', 'truyen thong dan toc', 'di tich', 'cong chieng', 'dan ca', 'hat then', 'dan tinh', 'le mung', 'nghe nhan', 'trang phuc truyen thong', 'phong tuc', 'tro choi dan gian',
      'truyen day', 'day hat', 'lop hat', 'hat dan ca', 'quan ho', 'bieu dien', 'dinh lang', 'nha bia', 'tuong niem', 'giai bong', 'giai the thao', 'keo co', 'vo thuat', 'thu vien so',
      'cau long', 'bong ban', 'co tuong', 'the duc', 'duong sinh', 'dong dien', 'phim', 'chieu bong', 'viet da', 'mua sap', 'doi mua', 'ngoi chua', 'den chua', 'mieu', 'nha tho ho', 'tin nguong', 'le cap sac', 'phuc dung', 'ky niem', 'am thuc', 'tieng noi', 'chu viet', 'nghe thuat', 'di san', 'bao tang', 'hoi xuan', 'dang huong', 'den lang', 'nha san', 'truyen thong',
    ],
  ],
  [GOVERNMENT, ['nong thon moi', 'chinh quyen', 'can bo', 'cong chuc', 'lap ke hoach', 'truong thon', 'bau cu', 'doi thoai', 'tu phap', 'phap luat', 'phap ly', 'hoa giai', 'ho tich', 'hoi dong nhan dan', 'uy ban nhan dan', 'truong ban', 'ky hop', 'cu tri', 'du toan', 'ngan sach', 'lay y kien', 'quy hoach', 'tiep dan', 'khieu nai', 'quyen su dung dat', 'dia chinh', 'do dac', 'tra ket qua', 'dat dai', 'nghi quyet', 'dang bo', 'chi bo', 'dang vien', 'xay dung dang', 'de an 06', 'trang thong tin dien tu', 'cong thong tin', 'tru so', 'kieu mau', 'thanh tra nhan dan', 'sap nhap', 'du lieu dan cu', 'can cuoc', 'giam sat danh gia', 'danh gia thuc hien', 'theo doi danh gia', 'hoi nghi nhan dan', 'hop thon', 'quy che dan chu', 'dan chu co so', 'dan chu o co so']],
]);
/**
 * Rule 8, last: who it is for, when nothing says what it is ("Hỗ trợ người cao tuổi", "Sinh hoạt
 * hè cho thanh niên"); a club or a campaign, the form and not the content ("Câu lạc bộ phụ nữ
 * không sinh con thứ ba", "Tuyên truyền…"). Livelihoods named with whom they are for go before
 * these ("Hỗ trợ hộ nghèo phát triển sản xuất" is production).
 */
const FOR_WHOM = rules([
  [MASS_ORGS, ['hoi vien', 'doan vien', 'sinh hoat chuyen de']],
  [SOCIAL, ['nguoi cao tuoi', 'tre em', 'phu nu', 'gia dinh', 'nguoi ngheo', 'ho ngheo', 'ho can ngheo']],
  [MASS_ORGS, ['thanh nien', 'thieu nhi']],
  ['Văn hóa', ['cau lac bo']],
  [GOVERNMENT, ['tuyen truyen']],
]);

/** Sector words of a sheet's Ngành/Lĩnh vực, by the topic they point to. */
const SECTOR_TOPIC_WORDS: readonly (readonly [Topic, RegExp])[] = [
  ['csht', words(['co so ha tang', 'ha tang', 'giao thong', 'thuy loi', 'dien', 'nuoc sach', 'xay dung', 'co so vat chat', 'nha o', 'buu dien', 'thong tin'])],
  ['kinh-te', words(['nong nghiep', 'trong trot', 'chan nuoi', 'lam nghiep', 'thuy san', 'khuyen nong', 'kinh te', 'nganh nghe', 'dich vu', 'thuong mai', 'cong nghiep', 'lao dong', 'viec lam', 'hop tac', 'tin dung', 'san xuat'])],
  ['vh-xh-mt', words(['giao duc', 'y te', 'van hoa', 'xa hoi', 'moi truong', 'an ninh', 'quoc phong', 'the thao', 'binh dang gioi', 'dan so', 'tu phap', 'chinh quyen', 'doan the', 'phu nu'])],
];

/** The three topics as a sheet may name them ("Cơ sở hạ tầng", "CSHT", "2. Kinh tế và tổ chức sản xuất"). */
const TOPIC_NAMES: ReadonlyMap<string, Topic> = new Map<string, Topic>([
  ...TOPICS.map((t) => [foldKey(TOPIC_LABELS[t]), t] as const),
  ['csht', 'csht'],
  ['ha tang', 'csht'],
  ['kinh te', 'kinh-te'],
  ['kinh te to chuc san xuat', 'kinh-te'],
  ['kinh te va san xuat', 'kinh-te'],
  ['van hoa xa hoi va moi truong', 'vh-xh-mt'],
  ['vh xh mt', 'vh-xh-mt'],
  ['vhxhmt', 'vh-xh-mt'],
]);

/** The topic a sector text names outright, when it is one of the three topics. */
export function namedTopic(sector: string | undefined): Topic | undefined {
  if (!sector) return undefined;
  const k = foldKey(sector).replace(NUMBERING, '');
  return TOPIC_NAMES.get(k);
}

// ---------------------------------------------------------------------------------------------
// Reading an activity's words.

/** Places are not what an activity works on: "Tổ chức văn nghệ tại nhà văn hóa thôn", "… trên nền đất nuôi tôm"; "tài sản công" (public assets) is no "tại sân" (home care, "chăm sóc tại nhà", is a kind of care: ninth round, C22). */
const PLACE = / (?:tren (?:ruong|dong ruong|canh dong|nuong|(?:nen )?dat(?! (?:lam nghiep|rung)))|(?<!cham soc )(?:tai|(?<!nha )o) (?:thon|xa|ban|khu|xom|diem|nha|truong|tram|cac|hoi truong|san(?! (?:cong|co dinh|nha nuoc|doi du))|trung tam|dia ban|ho gia dinh|lang|cum|doi))(?: .*)?$/;
/**
 * Alongside a works is a place, not the works: "Trồng keo ven đường liên thôn" plants trees, "Hỗ
 * trợ máy xay xát cho hộ ven đường" supports a mill. Only after other words, so "Làm rãnh thoát
 * nước dọc đường" stays a drain and "Trồng cây xanh dọc đường" green verges. What an activity is tied
 * to ("… gắn với du lịch cộng đồng") likewise (ninth round: "Dệt thổ cẩm gắn với du lịch cộng đồng"
 * is the craft; "Xây dựng vùng nguyên liệu gắn với liên kết tiêu thụ", saying nothing before it, the linkage).
 */
const ALONGSIDE = / (?:(?:ven|doc|doc theo|gan|canh|hai ben|quanh) (?:tuyen )?(?:duong|kenh|muong|suoi|song|ho|bo|de|ngo|ao)|gan (?:lien )?voi)(?: .*)?$/;
/** "Xây mới trường" is a new school, not the environment (môi trường). */
const NEW_SCHOOL = /(^| )(xay|lam) moi truong(?= |$)/g;
/** "Xã hội hóa" (funded by the people and donors) is a way of paying, not social protection. */
const SOCIALISED = /(^| )xa hoi hoa(?= |$)/g;
/** "Thân thiện (với) môi trường" qualifies how something is produced: "lúa hữu cơ thân thiện môi trường" is a crop. */
const ECO_FRIENDLY = /(^| )than thien (?:voi )?moi truong(?= |$)/g;
/** "Điểm trường bản/thôn" is the village's school site, not "trưởng bản" (the village head). */
const VILLAGE_SCHOOL = /(^| )diem truong (?:ban|thon|xom|lang|ap)(?= |$)/g;

/**
 * Words after which a capitalised name is a place, not an activity word (matched with their
 * diacritics, so "bản" is a village and "Ban" a board; the first letter in either case).
 */
const VILLAGE_WORDS = ['người', 'dân tộc', 'đồng bào', 'thôn', 'bản', 'xóm', 'ấp', 'làng', 'tổ dân phố', 'khu phố', 'khu dân cư', 'buôn', 'plei', 'sóc', 'phum', 'khối', 'xã', 'khu', 'cụm', 'thị trấn', 'huyện', 'phường'];
/** Who pays or which program, in parentheses after an activity: not what it is. */
const FUNDING_WORDS = ['chương trình', 'ct', 'ctmtqg', 'dự án', 'da', 'tiểu dự án', 'nguồn', 'vốn', 'ngân sách', 'theo'];
/** The same words written without marks ("(Du an 8)", "(thon Na Hin)"): a text without diacritics names its places and programmes so. */
const PLAIN_VILLAGE_WORDS = ['nguoi', 'dan toc', 'dong bao', 'thon', 'ban', 'xom', 'ap', 'lang', 'to dan pho', 'khu pho', 'buon', 'plei', 'soc', 'phum', 'xa', 'thi tran', 'huyen', 'phuong'];
const PLAIN_FUNDING_WORDS = ['chuong trinh', 'du an', 'tieu du an', 'nguon', 'von', 'ngan sach'];
/** Features named like places: "suối Nậm Mu", "cầu Khuổi Mương", "đồng Nà Lầu". */
const FEATURE_WORDS = ['suối', 'khe', 'đồi', 'núi', 'đèo', 'bãi', 'cánh đồng', 'đồng', 'hồ', 'cầu', 'đập', 'kênh', 'ngầm', 'đường', 'ngõ', 'nhánh'];
const PLACE_WORDS_VI = [...VILLAGE_WORDS, ...FEATURE_WORDS];
const UPPER = '\\p{Lu}';
/** "bản Co Muông", "Thôn Nà Hin - Khuổi Ma", "xóm 5": the place word kept, its name set aside. */
const NAMED_PLACE = new RegExp(
  `(^|[^\\p{L}\\p{M}])((?:${PLACE_WORDS_VI.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')}))((?:\\s+(?:[-–]\\s*)?(?:${UPPER}[\\p{L}\\p{M}'’]*|[0-9]+[\\p{L}]?|[IVX]+)(?=$|[^\\p{L}\\p{M}]))+)`,
  'gu',
);
/**
 * In a text written without diacritics ("Ho tro giong ngo cho ho ngheo ban Co Muong"): the capitalised
 * name after a village word written in small letters, as the village words cannot tell "bản" from
 * "Ban" (a board) there, nor a feature ("dong" is also "đông", "đóng") from other words.
 */
const NAMED_PLACE_PLAIN = new RegExp(
  `(^|[^\\p{L}\\p{M}])((?:${PLAIN_VILLAGE_WORDS.join('|')}))((?:\\s+(?:[-–]\\s*)?(?:${UPPER}[\\p{L}\\p{M}'’]*|[0-9]+[\\p{L}]?|[IVX]+)(?=$|[^\\p{L}\\p{M}]))+)`,
  'gu',
);
/** "(Thôn Cầu Đá)", "(bản Nà Hin, Co Muông)", "(Chương trình NS&VSMT)": a village, a program or a fund in parentheses. */
const PLACE_IN_PARENS = new RegExp(`\\(\\s*(?:${[...VILLAGE_WORDS, ...FUNDING_WORDS, ...PLAIN_VILLAGE_WORDS, ...PLAIN_FUNDING_WORDS].join('|')})(?=[^\\p{L}\\p{M}])[^()]*\\)`, 'giu');

/**
 * Words of activity names that are never part of a place's name (folded): the small words
 * ("tại", "cho", "và"), the common verbs ("xây", "sửa", "hỗ trợ"), the village words and what a
 * village is made ("văn hóa", "kiểu mẫu", "sạch đẹp"). A name
 * in capitals throughout or with every word capitalised ("Trồng Rừng Keo Tại Bản Nà Mương") is
 * told by one of them capitalised after its first word; "Đường Nà Lừa - Khuổi Mương" has none,
 * so its capitals still mark names.
 */
const NOT_IN_NAMES = new Set([
  'tai', 'cho', 'va', 'cua', 'cac', 'voi', 'o', 'den', 'tu', 'di', 've', 'tren', 'trong', 'theo', 'nhung', 'mot',
  'xay', 'lam', 'sua', 'tro', 'nang', 'cap', 'tap', 'huan', 'mua', 'lap', 'keo', 'chuc', 'nao', 'vet', 'phat', 'trien',
  'thon', 'ban', 'xom', 'ap', 'buon', 'xa', 'khu', 'nha', 'moi',
  // what a village is made ("THÔN VĂN HÓA", "BẢN ĐẠT CHUẨN NÔNG THÔN MỚI", "XÓM SÁNG - XANH - SẠCH - ĐẸP")
  'van', 'hoa', 'kieu', 'mau', 'dat', 'chuan', 'nong', 'sang', 'xanh', 'sach', 'dep', 'an', 'toan', 'khong',
  // what is done or measured after a village word written without capitals ("… trong thôn nuôi bò", "… thôn bị sạt lở", "… thôn dài 500m")
  'nuoi', 'chan', 'san', 'xuat', 'bi', 'dai', 'rong', 'duoc',
  // when it is done ("… TỔ DÂN PHỐ SAU SÁP NHẬP")
  'sau', 'truoc',
]);
/** Titles after a village word, told by their marks: "thôn đội trưởng" (the village's militia head), "thôn trưởng" (its head). */
const TITLES = new Set(['đội', 'trưởng', 'phó']);

/**
 * In a name written in capitals: a village word and the name that ends the text or a part of it
 * ("… TẠI BẢN NÀ MƯƠNG", "THÔN NÀ HIN, …"); never "xã" ("XÃ HỘI") or "khu" ("KHU VỰC"), and not
 * what goes on ("XÂY DỰNG THÔN ĐẠT CHUẨN VĂN HÓA").
 */
const VILLAGE_IN_CAPITALS = new RegExp(
  `(^|[^\\p{L}\\p{M}])(${['thôn', 'bản', 'xóm', 'ấp', 'làng', 'buôn', 'plei', 'sóc', 'phum', 'tổ dân phố', 'khu phố'].join('|')})((?:\\s+(?:[-–]\\s*)?[\\p{L}\\p{M}0-9'’]+){1,3})(?=\\s*(?:$|[,;:()–-]))`,
  'giu',
);

/**
 * In a name written without capitals ("hỗ trợ giống ngô cho bản nà mương"): the same, after the
 * village words that name nothing else — not "làng" ("làng nghề"), "sóc" ("chăm sóc"), "khu",
 * nor "bản" in "văn bản", "cơ bản", nor "thôn" in "nông thôn" — and at most two words.
 */
const VILLAGE_UNCAPITALISED = new RegExp(
  `(^|[^\\p{L}\\p{M}])(?<!(?:văn|cơ|phiên|kịch|bổn|nguyên|nông)\\s)(${['thôn', 'bản', 'xóm', 'ấp', 'buôn', 'tổ dân phố'].join('|')})((?:\\s+(?:[-–]\\s*)?[\\p{L}\\p{M}0-9'’]+){1,2})(?=\\s*(?:$|[,;:()–-]))`,
  'giu',
);

/**
 * Names set aside. In a name written in capitals throughout (or every word capitalised) capitals
 * tell nothing: there only the name after a village word is set aside, up to three words and
 * never one of NOT_IN_NAMES ("TRỒNG RỪNG TẠI BẢN NÀ MƯƠNG": "NÀ MƯƠNG").
 */
function withoutPlaceNames(text: string): string {
  const t = nfc(text).replace(PLACE_IN_PARENS, ' ');
  const ws = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const lower = ws.length > 2 && !inCapitals(ws) && uncapitalised(ws);
  if (ws.length > 2 && (inCapitals(ws) || lower)) {
    return t.replace(lower ? VILLAGE_UNCAPITALISED : VILLAGE_IN_CAPITALS, (_m, before: string, village: string, name: string) => {
      const kept = name.split(/\s+/).filter((w) => w !== '');
      const stop = kept.findIndex((w) => NOT_IN_NAMES.has(foldKey(w)) || TITLES.has(w.toLowerCase()));
      return stop < 0 ? `${before}${village} ` : `${before}${village} ${kept.slice(stop).join(' ')}`;
    });
  }
  const marked = /[À-ỹđĐ]/u.test(t);
  const named = t.replace(NAMED_PLACE, '$1$2 ');
  return marked ? named : named.replace(NAMED_PLACE_PLAIN, '$1$2 ');
}

/** Whether no word after the first is capitalised (abbreviations aside: "sửa NVH bản nà mương"): the writer marks no names, so capitals tell nothing. */
function uncapitalised(ws: readonly string[]): boolean {
  return ws.slice(1).every((w) => !/^\p{Lu}\p{Ll}/u.test(w));
}

/** Whether capitals mark nothing in these words: most are all capitals, or most are capitalised and a common word among them too. */
function inCapitals(ws: readonly string[]): boolean {
  const shouted = ws.filter((w) => /^[^\p{Ll}]*$/u.test(w)).length;
  if (shouted * 2 > ws.length) return true;
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w));
  return capitalised.length * 2 > ws.length && ws.slice(1).some((w) => /^\p{Lu}/u.test(w) && NOT_IN_NAMES.has(foldKey(w)));
}

/** Abbreviations communes write, read as their words (folded, whole words). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['clb', 'cau lac bo'], ['dtts', 'dan toc thieu so'], ['dbkk', 'dac biet kho khan'], ['nhcsxh', 'ngan hang chinh sach xa hoi'], ['htnd', 'ho tro nong dan'], ['qhtnd', 'quy ho tro nong dan'], ['kcn', 'khu cong nghiep'], ['ptdtbt', 'pho thong dan toc ban tru'],
  ['lmlm', 'lo mom long mong'], ['tmdt', 'thuong mai dien tu'],
  ['nvh', 'nha van hoa'], ['nsh', 'nha sinh hoat'], ['nshcd', 'nha sinh hoat cong dong'], ['vh', 'van hoa'], ['ttvh', 'trung tam van hoa'], ['tdtt', 'the duc the thao'],
  ['bhyt', 'bao hiem y te'], ['bhxh', 'bao hiem xa hoi'], ['tyt', 'tram y te'], ['khhgd', 'ke hoach hoa gia dinh'], ['attp', 'an toan thuc pham'], ['vsattp', 've sinh an toan thuc pham'],
  ['gtnt', 'giao thong nong thon'], ['gt', 'giao thong'], ['atgt', 'an toan giao thong'], ['btxm', 'be tong xi mang'], ['btct', 'be tong cot thep'], ['csht', 'co so ha tang'], ['csvc', 'co so vat chat'],
  ['tba', 'tram bien ap'], ['dz', 'duong day dien'], ['kv', 'dien'], ['nsvsmt', 'nuoc sach ve sinh moi truong'], ['vsmt', 've sinh moi truong'], ['hvs', 'hop ve sinh'],
  ['ntm', 'nong thon moi'], ['mttq', 'mat tran to quoc'], ['hpn', 'hoi phu nu'], ['tntn', 'thanh nien tinh nguyen'], ['tht', 'to hop tac'], ['lhpn', 'hoi lien hiep phu nu'], ['hnd', 'hoi nong dan'], ['ccb', 'cuu chien binh'], ['hccb', 'hoi cuu chien binh'],
  ['dtn', 'doan thanh nien'], ['dvtn', 'doan vien thanh nien'], ['sxkd', 'san xuat kinh doanh'], ['bts', 'tram phat song'], ['tncs', 'thanh nien cong san'], ['ubnd', 'uy ban nhan dan'], ['hdnd', 'hoi dong nhan dan'], ['pccc', 'phong chay chua chay'], ['pctt', 'phong chong thien tai'], ['tkcn', 'tim kiem cuu nan'],
  ['ttcn', 'tieu thu cong nghiep'], ['cds', 'chuyen doi so'], ['cntt', 'cong nghe thong tin'], ['bvtv', 'bao ve thuc vat'], ['khkt', 'khoa hoc ky thuat'], ['ptsx', 'phat trien san xuat'],
  ['gdmn', 'giao duc mam non'], ['mn', 'mam non'], ['thcs', 'trung hoc co so'], ['hs', 'hoc sinh'], ['xmc', 'xoa mu chu'], ['pcgd', 'pho cap giao duc'], ['bdg', 'binh dang gioi'], ['ldtbxh', 'lao dong thuong binh xa hoi'],
  ['antt', 'an ninh trat tu'], ['qpan', 'quoc phong an ninh'], ['anqp', 'an ninh quoc phong'], ['tnxh', 'te nan xa hoi'], ['tthtcd', 'trung tam hoc tap cong dong'],
  ['sx', 'san xuat'], ['nq', 'nghi quyet'], ['mba', 'may bien ap'], ['tcm', 'tay chan mieng'], ['sxh', 'sot xuat huyet'], ['csskss', 'cham soc suc khoe sinh san'], ['cssk', 'cham soc suc khoe'], ['dqtv', 'dan quan tu ve'], ['cax', 'cong an xa'],
  ['nkt', 'nguoi khuyet tat'], ['nct', 'nguoi cao tuoi'], ['hcn', 'ho can ngheo'], ['kch', 'kien co hoa'], ['pccr', 'phong chay chua chay rung'], ['pcccr', 'phong chay chua chay rung'], ['qlbvr', 'quan ly bao ve rung'], ['bvr', 'bao ve rung'],
  ['dvmtr', 'dich vu moi truong rung'], ['ttatxh', 'trat tu an toan xa hoi'], ['atvstp', 'an toan ve sinh thuc pham'], ['cbcc', 'can bo cong chuc'], ['nvs', 'nha ve sinh'], ['rtsh', 'rac thai sinh hoat'],
  ['xkld', 'xuat khau lao dong'], ['ldnt', 'lao dong nong thon'], ['dvnn', 'dich vu nong nghiep'], ['sxnn', 'san xuat nong nghiep'], ['ubmttq', 'uy ban mat tran to quoc'], ['hlhpn', 'hoi lien hiep phu nu'],
  ['tnmt', 'tai nguyen moi truong'], ['anbg', 'an ninh bien gioi'], ['bdbp', 'bo doi bien phong'], ['ctd', 'chu thap do'], ['nlmt', 'nang luong mat troi'], ['gsht', 'giam sat hanh trinh'], ['hcc', 'hanh chinh cong'], ['dtd', 'dai thao duong'], ['bch', 'ban chap hanh'], ['gv', 'giao vien'], ['cnscd', 'cong nghe so cong dong'], ['thpt', 'trung hoc pho thong'], ['tdp', 'to dan pho'], ['tnxp', 'thanh nien xung phong'], ['ktxh', 'kinh te xa hoi'],
]);
const ABBREVIATION = new RegExp(`(?:^| )(?:${[...ABBREVIATIONS.keys()].join('|')}|[0-9]+kv)(?= |$)`, 'g');

function expand(k: string): string {
  return k.replace(ABBREVIATION, (m) => {
    const w = m.trim();
    return ` ${ABBREVIATIONS.get(w) ?? 'dien'}`;
  });
}

/**
 * Words that fold like a works word but name none, told apart while their diacritics are there:
 * "diễn", "diện", "điển", "đền", "điền", "đen" (biểu diễn, thuộc diện, cổ điển, đền ơn, dồn điền, lợn
 * đen) are no "điện" or "đèn"; "dương", "đương", "dưỡng" no "đường"; "tuổi" no "tưới"; "giêng" no
 * "giếng"; "lòa" no "loa"; "cổng" (a
 * gate) no "cống" (a culvert); "trưởng" (a head) no "trường"; "câu" (câu cá) no "cầu"; "Mường"
 * no "mương"; "sữa" (milk), "đáp", "dập", "múa", "thầy" no works verb
 * (sửa, đắp, mua, thay) — "đến trường", "xe đạp" stay, for FALSE_FRIENDS to mask. The works verbs and objects are read on a text without them (`Prepared.works`).
 */
const NOT_WORKS = /(?<![\p{L}\p{M}])(?:diễn|diện|điển|đền|điền|đen|dương|đương|cổng(?!\s+chào)|trưởng|câu|dưỡng|mường|sữa|đáp|dập|múa|thầy|tuổi|giêng|lòa|bò|và)(?![\p{L}\p{M}])/giu;
/**
 * "Truyền thông" (communicating: a campaign) folds as "truyền thống" (tradition: "nhà sàn truyền
 * thống", "nghề truyền thống"): read it as "tuyên truyền", so that "truyen thong" is tradition.
 */
const COMMUNICATING = /(?<![\p{L}\p{M}])truyền thông(?![\p{L}\p{M}])/giu;
/**
 * "Chợ" (a market) folds as "cho" (for): while its diacritics are there, a market named alone is
 * read as "chợ nông thôn", which the works words know ("Sửa chữa mái chợ"); not a fair ("hội chợ")
 * nor a market already qualified ("chợ phiên", "chợ đầu mối").
 */
const MARKET_ALONE = /(?<![\p{L}\p{M}])(?<!hội\s|phiên\s)chợ(?!\s+(?:nông thôn|trung tâm|phiên|đầu mối|nông sản|hàng|quê))(?![\p{L}\p{M}])/giu;
/**
 * "Trong" (in) is written without marks and folds as "trồng" (to plant): in a text written with
 * diacritics it is "in", read as "nội" ("đường trong thôn" is "đường nội thôn"; "… trong năm" no
 * "trồng nấm", "trong sân" no "trồng sắn").
 */
const IN = /(?<![\p{L}\p{M}])trong(?![\p{L}\p{M}])/giu;
/** "Trường bản", "trường thôn" with the marks written: the village's school ("trưởng bản" is its head), read as "trường học bản". */
const VILLAGE_SCHOOL_MARKED = /(?<![\p{L}\p{M}])trường\s+(bản|thôn|xóm|làng|ấp)(?![\p{L}\p{M}])/iu;
/**
 * "Ngõ" (a lane) and "ngộ độc" (poisoning) fold as "ngô" (maize): while the marks are there, a
 * lane is read as "ngõ xóm" ("Bê tông ngõ 5") and poisoning as "trúng độc".
 */
const LANE = /(?<![\p{L}\p{M}])ngõ(?!\s+xóm)(?![\p{L}\p{M}])/giu;
/**
 * "Lộ" is the South's word for a road ("bê tông hóa lộ nông thôn", "tuyến lộ liên ấp", "đường lộ"):
 * while its marks are there it is read as "đường" — not "lộ trình" (a roadmap), "lộ thiên" (open-air),
 * "bộc lộ", "tiết lộ" (to reveal); "lò" (a kiln) and "lo" (to see to) keep theirs.
 */
const ROAD_LO = /(?<![\p{L}\p{M}])(?<!(?:bộc|tiết|để)\s)lộ(?!\s+(?:trình|thiên|diện|liễu))(?![\p{L}\p{M}])/giu;
/** "Lắp" (to fit) alone is a works verb while its marks tell it from "lập" (to draw up): read as "lắp đặt". */
const FITTING = /(?<![\p{L}\p{M}])lắp(?!\s+(?:đặt|ráp))(?![\p{L}\p{M}])/giu;
const POISONING = /(?<![\p{L}\p{M}])ngộ\s+độc(?![\p{L}\p{M}])/giu;
/** "Lừa đảo" (fraud) folds as "lúa" (rice), "vươn (lên)" (to strive) as "vườn" (a garden): read as "gian lận", "phấn đấu". */
/** "Đầu bờ" (at the field's edge: "Hội thảo đầu bờ giống lúa mới") folds into "bò giống" (breeding cattle): read as "tại ruộng". */
const FIELD_EDGE = /(?<![\p{L}\p{M}])đầu\s+bờ(?![\p{L}\p{M}])/giu;
/** "Điện từ (cột…)" (power from the pole) folds as "điện tử" (electronic), which is no works: read it as "điện tới". */
const POWER_FROM = /(?<![\p{L}\p{M}])(điện|dây|đường dây)\s+từ(?![\p{L}\p{M}])/giu;
const FRAUD = /(?<![\p{L}\p{M}])lừa\s+đảo(?![\p{L}\p{M}])/giu;
const STRIVING = /(?<![\p{L}\p{M}])vươn(?![\p{L}\p{M}])/giu;
/**
 * Eighth round (C32, C16), while the marks are there: "ong" written without marks is a bee ("đàn ong",
 * "nuôi ong"; "đàn ông", men, has its marks), read as "ong mật"; "nấm" (a mushroom) is no "năm"
 * (a year) nor "nam", read as "trồng nấm"; "hơi" (air: "bóng chuyền hơi") is no "hội" (an association).
 */
const BEE = /(?<![\p{L}\p{M}])ong(?!\s+mật)(?![\p{L}\p{M}])/giu;
const MUSHROOM = /(?<![\p{L}\p{M}])(?<!(?:trồng|sấy)\s)nấm(?![\p{L}\p{M}])/giu;
/** "Tằm" (a silkworm) is no "tâm", "tắm", "tầm" while its marks are there: read as "con tằm" (C32), not in "dâu tằm" (the mulberry). */
const SILKWORM = /(?<![\p{L}\p{M}])(?<!dâu\s)tằm(?![\p{L}\p{M}])/giu;
const AIR = /(?<![\p{L}\p{M}])hơi(?![\p{L}\p{M}])/giu;
/** "Làm sân" (making a yard) folds as "lâm sản" (forest products): read it as "xây sân". */
const MAKING_A_YARD = /(?<![\p{L}\p{M}])làm sân(?![\p{L}\p{M}])/giu;
/**
 * Animals named alone, while their diacritics tell them ("Xin bò cho hộ khó khăn"): "bò" folds as
 * "bờ", "bộ", "bỏ"; "lợn" as "lớn"; "dê" as "đê"; "cá" as "ca" (not "cá nhân", "cá thể"). Read as
 * "con bò", "con cá"…, which the animal lists know.
 */
const ANIMAL_ALONE = /(?<![\p{L}\p{M}])(bò|lợn|dê|cá(?!\s+(?:nhân|thể|cược)))(?![\p{L}\p{M}])/giu;
/** "Hội LHPN", "Đoàn TN", "Chi đoàn TN": the organisation's word is in its abbreviation, or the abbreviation wants it. */
const ORGANISATION_TWICE = /(^| )hoi (?=hoi )/g;
const YOUTH_UNION = /(^| )(doan|chi doan|doan vien) tn(?= |$)/g;
/** "Hội PN", "Hội ND": the women's and the farmers' unions. */
const UNION_SHORT = /(^| )hoi (pn|nd)(?= |$)/g;
/**
 * The occasion an activity is held on is not what it is: "Tặng nhà tình thương cho hộ nghèo nhân
 * Ngày hội Đại đoàn kết", "… chào mừng Quốc khánh"; nor when it is done ("… sau dồn điểm trường", "… sau sáp
 * nhập": ninth round, C42, C45). Set aside after the activity's own words.
 */
const OCCASION = / (?:nhan dip|nhan ngay|nhan thang|nhan tet|nhan le|nhan ky niem|chao mung|huong ung|huong toi|dip tet|dip le|sau (?:khi )?(?:don|sap nhap|sap xep|hop nhat))(?: .*)?$/;
/** The document an activity follows ("… theo Kế hoạch số 12/KH-UBND", "… theo Quyết định 1719"): no part of what it is, nor where. */
const REFERENCE = / theo (?:ke hoach|quyet dinh|nghi quyet|de an|chuong trinh|thong tu|nghi dinh|cong van|van ban|chi thi)(?: .*)?$/;
/** "Hội thảo đầu bờ" written without marks ("hoi thao dau bo"): a field day (C3), no "bò" (FIELD_EDGE reads it with its marks). */
const FIELD_EDGE_PLAIN = /(^| )hoi thao dau bo(?= |$)/g;
/** The language an activity is told in is a means, not what it is (ninth round: "Tuyên truyền pháp luật bằng tiếng dân tộc" is legal education). */
const MEANS = /(^| )bang (?:song ngu|tieng (?:dan toc(?: thieu so)?|me de|dia phuong|[a-z]+))(?= |$)/g;
/** A list's mark before an activity ("1.", "2)", "a.", "IV -"): no part of what it is. */
const LIST_MARK = /^\s*(?:[0-9]+(?:\.[0-9]+)*|[IVXivx]{1,4}|[a-dA-D])\s*[.)/:–-]\s+/u;
/** "Tiếp tục", "Triển khai", "Thực hiện" before what is done ("Tiếp tục trồng cây dọc bờ sông"): the rules read what follows. */
const CARRY_ON = /^(?:tiep tuc|trien khai|thuc hien)(?: (?:thuc hien|trien khai))? (?=[a-z])/;

/** An activity as the rules read it. */
interface Prepared {
  /** Place names set aside, folded, abbreviations spelled out. */
  readonly whole: string;
  /** `whole` without the place it happens at and the occasion it is held on. */
  readonly key: string;
  /** `key` with the words that fold like a works word set aside, for the infrastructure words. */
  readonly works: string;
  /** `whole` likewise. */
  readonly worksWhole: string;
  /** The same with what is alongside kept, when it was set aside: read when the rest says nothing ("Phát quang bụi rậm hai bên đường"). */
  readonly alongside?: Prepared;
}

function folded(text: string): string {
  return expand(foldKey(text))
    .trim()
    .replace(ORGANISATION_TWICE, '$1')
    .replace(YOUTH_UNION, '$1$2 thanh nien')
    .replace(UNION_SHORT, (_m, before: string, org: string) => `${before}hoi ${org === 'pn' ? 'phu nu' : 'nong dan'}`)
    .replace(NEW_SCHOOL, '$1$2_moi truong hoc')
    .replace(SOCIALISED, '$1xa_hoi_hoa')
    .replace(ECO_FRIENDLY, '$1')
    .replace(VILLAGE_SCHOOL, '$1diem truong')
    .replace(CARRY_ON, '')
    .replace(FIELD_EDGE_PLAIN, '$1hoi thao tai ruong')
    .replace(MEANS, '$1')
    .replace(REFERENCE, '');
}

const prepared = memo((activity: string): Prepared => {
  const read = preparedWith(activity, true);
  return read.besideSetAside ? { ...read, alongside: preparedWith(activity, false) } : read;
});

/** The activity as the rules read it; `setAside`: what is alongside a works set aside (ALONGSIDE). */
function preparedWith(activity: string, setAside: boolean): Prepared & { readonly besideSetAside?: true } {
  const named = withoutPlaceNames(activity.replace(LIST_MARK, ''));
  const text = (/[À-ỹ]/u.test(named) ? named.replace(IN, 'nội').replace(BEE, 'ong mật') : named).replace(MUSHROOM, 'trồng nấm').replace(SILKWORM, 'con tằm').replace(AIR, 'khí').replace(MAKING_A_YARD, 'xây sân').replace(COMMUNICATING, 'tuyên truyền').replace(MARKET_ALONE, 'chợ nông thôn').replace(LANE, 'ngõ xóm').replace(ROAD_LO, 'đường').replace(FITTING, 'lắp đặt').replace(POISONING, 'trúng độc').replace(FIELD_EDGE, 'tại ruộng').replace(FRAUD, 'gian lận').replace(STRIVING, 'phấn đấu').replace(POWER_FROM, '$1 tới').replace(ANIMAL_ALONE, 'con $1');
  const whole = folded(text);
  const own = (k: string): string => {
    const there = k.replace(PLACE, '').replace(OCCASION, '');
    return setAside ? there.replace(ALONGSIDE, '') : there;
  };
  const key = own(whole);
  const besideSetAside = setAside && key !== whole.replace(PLACE, '').replace(OCCASION, '') ? ({ besideSetAside: true } as const) : {};
  NOT_WORKS.lastIndex = 0;
  if (!NOT_WORKS.test(text) && !VILLAGE_SCHOOL_MARKED.test(text)) return { whole, key, works: key, worksWhole: whole, ...besideSetAside };
  const worksWhole = folded(text.replace(NOT_WORKS, ' zz ').replace(VILLAGE_SCHOOL_MARKED, 'trường học $1'));
  return { whole, key, works: own(worksWhole), worksWhole, ...besideSetAside };
}

const FALSE_FRIENDS_ALL = new RegExp(FALSE_FRIENDS.source, 'g');

/** The text with its false friends masked, for the infrastructure words only. */
function masked(k: string): string {
  return k.replace(FALSE_FRIENDS_ALL, ' ~').trim();
}

interface Compiled {
  readonly sector: string;
  readonly strong: RegExp;
  readonly withVerb?: RegExp;
}
const INFRA_RE: readonly Compiled[] = INFRA.map((s) => ({
  sector: s.sector,
  strong: s.pattern ? new RegExp(`${words(s.strong).source}|${s.pattern.source}`) : words(s.strong),
  ...(s.withVerb ? { withVerb: words(s.withVerb) } : {}),
}));

/**
 * The infrastructure sector of a text: the object named first (objects that want a verb only when
 * `verb`), the longer phrase at one place; water led to fields is irrigation.
 */
function infraOf(key: string, verb: boolean): { readonly sector: string; readonly end: number } | undefined {
  const k = masked(key);
  let best: { sector: string; at: number; length: number; phrase: string } | undefined;
  for (const s of INFRA_RE) {
    // Works in general ("công trình", "hạ tầng") only when no object is named.
    if (s.sector === '' && best) break;
    for (const re of verb && s.withVerb ? [s.strong, s.withVerb] : [s.strong]) {
      const m = re.exec(k);
      if (m && (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length))) best = { sector: s.sector, at: m.index, length: m[0].length, phrase: m[0] };
    }
  }
  if (!best) return undefined;
  const end = best.at + best.length;
  if (best.sector === 'Giao thông' && CULVERT.test(best.phrase.trim()) && (DYKE.test(k) || FIELDS.test(k))) return { sector: 'Thủy lợi', end };
  // Water stored decides by its stated use (C23): a reservoir or a pond that supplies drinking water is clean water.
  if (best.sector === 'Thủy lợi' && STORAGE.test(best.phrase.trim()) && DRINKING.test(k) && !FIELDS.test(k)) return { sector: 'Nước sạch', end };
  return { sector: best.sector === 'Nước sạch' && FIELDS.test(k) ? 'Thủy lợi' : best.sector, end };
}

function first(list: readonly Rule[], k: string): Rule | undefined {
  return list.find((r) => r.re.test(k));
}

/** "Hỗ trợ", "Tiếp tục", "Triển khai", "Thực hiện" before the verb that says what is done. */
const LEAD_IN = /^(?:ho tro |tiep tuc |trien khai |thuc hien )/;

/** Whether the activity's first words are a works verb ("Sửa chữa…", "Hỗ trợ làm…"), not another verb ("Thuê lao động … làm công trình"). */
function worksLead(k: string): boolean {
  const m = WORK_VERB.exec(k);
  if (!m) return false;
  const lead = LEAD_IN.exec(k)?.[0].length ?? 0;
  return m.index === 0 || m.index === lead - 1;
}

/**
 * Whether works on an infrastructure object lead the activity before a rule-2 word: a works verb
 * comes first, and the object is named, and ends, before that word begins ("Nâng cấp cầu dân sinh bị thiệt hại do lũ" is a bridge,
 * "Làm đường giao thông phục vụ phòng cháy rừng" a road, "Làm đường tuần tra" too). A forest
 * word right after the object names its kind and is still rule 2's ("đường băng cản lửa").
 */
function worksFirst(read: Prepared, rule: Rule, works: boolean): boolean {
  if (!works || !worksLead(read.works)) return false;
  const object = infraOf(read.works, true);
  if (!object) return false;
  const word = rule.re.exec(read.works);
  if (word === null) return false;
  // Forest words right after the object name its kind ("đường băng cản lửa" is a firebreak); any other word after it says what befell it or what it serves.
  return rule.sector === 'Lâm nghiệp' ? object.end < word.index : object.end <= word.index;
}

/** What a liên thế hệ club does, the club set aside (C40): its members' health checks are health, unlike a mass organisation's own business. */
function clubWork(read: Prepared): Classification | undefined {
  const rest = (t: string): string => t.replace(INTERGENERATIONAL_CLUB, ' ').replace(/ +/g, ' ').trim();
  const key = rest(read.key);
  if (key === '' || key === read.key) return undefined;
  const work = byActivity({ whole: rest(read.whole), key, works: rest(read.works), worksWhole: rest(read.worksWhole) });
  return work?.sector && work.sector !== MASS_ORGS ? work : undefined;
}

/** Works named after a rule-2 word — a works verb, then an infrastructure object — filed as that works ("Tổ tự quản đường biên cùng đồn biên phòng sửa đường"). */
function worksAfter(read: Prepared, rule: Rule): Classification | undefined {
  const word = rule.re.exec(read.works);
  if (word === null) return undefined;
  const after = masked(read.works.slice(word.index + word[0].length));
  const verb = WORK_VERB.exec(after);
  const object = verb ? infraOf(after.slice(verb.index), true) : undefined;
  return object?.sector ? withSector('csht', object.sector, 'activity') : undefined;
}

export type TopicBasis = 'activity' | 'row-sector' | 'sheet-topic' | 'sheet-sector' | 'keywords' | 'default';

export interface Classification {
  readonly topic: Topic;
  /** The sector the activity's own words name, when a rule names one (canonical). */
  readonly sector?: string;
  /** What decided the topic. */
  readonly basis: TopicBasis;
}

/** The topic is always the topic of the sector found (a market is Kinh tế, wherever its works rule put it). */
function withSector(topic: Topic, sector: string, basis: TopicBasis): Classification {
  return sector ? { topic: SECTOR_TOPIC.get(sector) ?? topic, sector, basis } : { topic, basis };
}

/**
 * What the rest of an activity says once its subject (a mass organisation) and the form of its
 * campaign are set aside, when that names a sector other than the organisations' own.
 */
function workOf(read: Prepared, subject: RegExp, form: RegExp): Classification | undefined {
  const rest = (t: string): string => t.replace(subject, '').replace(form, ' ').replace(/ +/g, ' ').trim();
  const key = rest(read.key);
  if (key === '' || key === read.key) return undefined;
  if (MASS_OWN_FORM.test(key)) return undefined;
  const work = byActivity({ whole: rest(read.whole), key, works: rest(read.works), worksWhole: rest(read.worksWhole) }, true);
  return work?.sector && work.sector !== MASS_ORGS ? work : undefined;
}

/** What the activity's own words say (rules 1-9), or undefined. `whole` still holds the place it happens at ("… tại điểm trường"). */
function byActivity(read: Prepared, workOnly = false): Classification | undefined {
  const { key: k, whole } = read;
  if (k === '') return undefined;
  const growing = GROWING.some((r) => r.re.test(k));
  // What is done comes before whom it is for: "Khám sức khỏe cho học sinh" is health, "Tặng xe đạp cho học sinh" schooling.
  const forWhom = k.indexOf(' cho ');
  const head = forWhom > 0 ? k.slice(0, forWhom) : k;
  const societyOfHead = first(SOCIETY, head);
  const society = societyOfHead ?? first(SOCIETY, k);
  const soft = SOFT_LEAD.test(k);
  const verb = WORK_VERB.test(read.works) || REQUEST.test(k);
  const o = first(OVERRIDES, k);
  // 1. Officials' and planning teams' training (a teacher's, a health worker's or a fire team's is their sector's).
  const ownSector = (o && o.sector !== GOVERNMENT && o.sector !== MASS_ORGS) || ['Giáo dục', 'Y tế', 'An ninh trật tự'].includes(society?.sector ?? '');
  if (GOVERNANCE_VERB.test(k) && GOVERNANCE_OBJECT.test(k) && !growing && !ownSector) {
    return withSector('vh-xh-mt', MASS_ORGANISATION.test(k) ? MASS_ORGS : GOVERNMENT, 'activity');
  }
  // 1b. A class in a craft or a trade is vocational training ("Mở lớp dạy đan giỏ tre", "Mở lớp dạy lái máy cày").
  if (CLASS_LEAD.test(k) && (CRAFTS.re.test(k) || SERVICES.re.test(k) || MACHINERY.test(k))) return withSector('kinh-te', 'Đào tạo nghề - Việc làm', 'activity');
  // Eighth round: what land or a building is converted into (C29, C32); works made for a salt field or a fish-raising rice field (C29, C32); a liên thế hệ club's work (C40); herbs at a health station (C37).
  const converted = CONVERSION.exec(k);
  if (converted) {
    const tail = converted[1];
    const into = byActivity({ whole: tail, key: tail, works: tail, worksWhole: tail }, workOnly);
    if (into?.sector) return into;
  }
  const production = first(PRODUCTION_WORKS, k);
  const fieldWorks = production && verb && !soft && !WATER_BROUGHT.test(read.works) ? infraOf(read.works, true)?.sector : 'none';
  if (production && (fieldWorks === undefined || FIELD_WORKS.has(fieldWorks))) return withSector('kinh-te', production.sector, 'activity');
  if (INTERGENERATIONAL.test(k)) return clubWork(read) ?? withSector('vh-xh-mt', SOCIAL, 'activity');
  if (HERBS.test(k) && HEALTH_SITE.test(whole)) return withSector('vh-xh-mt', 'Y tế', 'activity');
  // Ninth round (C7, C18): the jobs a production makes are its purpose, not the activity ("Duy trì làng nghề mây tre đan, tạo việc làm lúc nông nhàn" is the craft), when nothing before them is rule 2's.
  const purpose = o?.sector === JOBS ? PURPOSE_JOBS.exec(k) : null;
  if (purpose && purpose.index > 0 && !first(OVERRIDES, k.slice(0, purpose.index))) {
    const made = first(PRODUCTION, k.slice(0, purpose.index));
    if (made && made.sector !== MARKET) return withSector('kinh-te', made.sector, 'activity');
  }
  // 2. What a works word, a trade word or a crop would misfile — unless works on an object named before it lead ("Sửa chữa cầu dân sinh bị thiệt hại do lũ").
  if (o && !worksFirst(read, o, verb && !soft)) {
    // A security team doing works is filed by the works (C7, C31: "Tổ tự quản đường biên … sửa đường liên ấp").
    const works = o.sector === 'An ninh trật tự' && verb && !soft ? worksAfter(read, o) : undefined;
    if (works) return works;
    // A volunteer campaign's form yields to the concrete work it names (class B: "Thanh niên tình nguyện nạo vét kênh").
    const work = o.sector === MASS_ORGS && CAMPAIGN_FORM.test(k) ? workOf(read, MASS_SUBJECT, CAMPAIGN_FORM_ALL) : undefined;
    return work ?? withSector(OVERRIDE_TOPIC[o.sector] ?? SECTOR_TOPIC.get(o.sector) ?? 'vh-xh-mt', o.sector, 'activity');
  }
  // 2b. A mass organisation's own activity, whatever its object — unless it grows, raises or makes something ("Hội phụ nữ tập huấn trồng rau an toàn").
  if (MASS_LEAD.test(k)) return workOf(read, MASS_SUBJECT, CAMPAIGN_FORM_ALL) ?? withSector('vh-xh-mt', MASS_ORGS, 'activity');
  if (PEN_DISINFECTION.test(k) || (PENS.test(k) && !PEN_WASTE.test(k))) return withSector('kinh-te', 'Chăn nuôi', 'activity');
  // Trees planted against erosion or sand are protective planting (C9; ninth round: "Trồng cây xanh ven sông chống sạt lở"), before green verges.
  if (PLANTING.test(k) && EROSION.test(whole) && !CROPS_NAMED.test(k)) return withSector('kinh-te', 'Lâm nghiệp', 'activity');
  // 2c. Cleaning, clearing and landscaping are the environment's wherever they are, unless they are upkeep of a canal, a power line or water works, or go with works proper.
  if (FLY_POSTING.test(k)) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  if (!soft && CLEANING.test(k) && (!growing || LANDSCAPE.test(k))) {
    const object = infraOf(read.works, true)?.sector;
    if (!(object !== undefined && OWN_UPKEEP.has(object)) && !WORKS_PROPER.test(read.works.replace(CLEANING_ALL, ' '))) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  }
  // 2d. Water-supply works are clean water's wherever they are (class H, C1): a well, a tank, a filter at a school, a health station or a poor household.
  if (!soft && infraOf(read.works, verb)?.sector === 'Nước sạch' && (verb || !ANIMALS.some((r) => r.re.test(k)))) return withSector('csht', 'Nước sạch', 'activity');
  // 3. Works for a school or a cultural house are theirs, whatever is built ("nhà vệ sinh cho điểm trường"), and so are works at its site ("Kè đá điểm trường").
  if (verb && !soft && FOR_SCHOOL.test(whole)) return withSector('csht', SCHOOL, 'activity');
  if (!soft && FOR_HEALTH.test(whole) && (verb || infraOf(read.works, false))) return withSector('vh-xh-mt', 'Y tế', 'activity');
  // …unless a road or a bridge leads there (seventh round, class l: "Làm cầu qua suối cho học sinh" is a bridge).
  if (verb && !soft && FOR_PUPILS.test(whole) && infraOf(read.works, verb) && !LEADS_TO.has(infraOf(read.works, verb)?.sector ?? '')) return withSector('csht', SCHOOL, 'activity');
  if (verb && !soft && FOR_CULTURE_HOUSE.test(whole)) return withSector('csht', CULTURE_WORKS, 'activity');
  if (verb && !soft && FOR_SECURITY.test(whole)) return withSector('vh-xh-mt', 'An ninh trật tự', 'activity');
  if (verb && !soft && FOR_CLUB.test(whole)) return withSector('vh-xh-mt', 'Văn hóa', 'activity');
  if (!soft) {
    const school = SCHOOL_SITE.test(whole);
    const house = CULTURE_SITE.test(whole);
    const object = infraOf(read.works, verb)?.sector;
    if (school !== house && object !== undefined && !LEADS_TO.has(object)) return withSector('csht', school ? SCHOOL : CULTURE_WORKS, 'activity');
    if (!school && !house && HEALTH_SITE.test(whole) && object !== undefined && !LEADS_TO.has(object)) return withSector('vh-xh-mt', 'Y tế', 'activity');
  }
  // 4. Waste, latrines, pollution, green verges; housing support for the poor. A toilet built for a school or a cultural house named anywhere is theirs.
  if (verb && !soft && SANITATION.test(k)) {
    const building = infraOf(read.worksWhole, verb)?.sector;
    if (building === SCHOOL || building === CULTURE_WORKS) return withSector('csht', building, 'activity');
    // …and a health station's are health's (C2; ninth round: "Xây nhà vệ sinh trạm y tế").
    if (HEALTH_SITE.test(whole)) return withSector('vh-xh-mt', 'Y tế', 'activity');
  }
  // Clearing a canal or a reservoir is its upkeep ("Vệ sinh kênh mương nội đồng"), not the environment's.
  if (HYGIENE.test(k) && !ENVIRONMENT.test(k) && infraOf(read.works, true)?.sector === 'Thủy lợi') return withSector('csht', 'Thủy lợi', 'activity');
  if (COMPOST_FOR_CROPS.test(k) && !WASTE.test(k)) return withSector('kinh-te', 'Trồng trọt', 'activity');
  if (ENVIRONMENT.test(k) || (HYGIENE.test(k) && !HYGIENE_ELSEWHERE.test(k) && !growing)) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  if (HOUSING.test(k)) return withSector('vh-xh-mt', SOCIAL, 'activity');
  // 5. Works on infrastructure (animals and fish named without a works verb live in the water, they do not build it).
  // Power works serve whatever they serve (class I, C15): "Lắp trạm biến áp cho vùng nuôi tôm" is power.
  if (!soft) {
    const infra = infraOf(read.works, verb);
    // …and a market named is a market whatever is sold there (C2: "Duy trì chợ phiên … bán măng khô, mật ong").
    if (infra && (verb || infra.sector === 'Điện' || infra.sector === MARKET || !ANIMALS.some((r) => r.re.test(k)))) return withSector('csht', infra.sector, 'activity');
  }
  // 5b. Water led to a crop to water it is irrigation, with or without a works verb, whatever crop is named (the lexicon's too): "Đào ao dẫn nước khe suối tưới sầu riêng".
  if (!soft && WATERING.test(read.works) && infraOf(read.works, true)?.sector === 'Thủy lợi') return withSector('csht', 'Thủy lợi', 'activity');
  // 6. Cemeteries.
  if (CEMETERY.test(k)) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  // Trees planted on a river's or the sea's bank protect it (class L, C9): forestry, though the bank is only where they grow ("Trồng cây ven sông chống xói lở").
  if (PLANTING.test(k) && RIVERBANK.test(whole) && !CROPS_NAMED.test(k)) return withSector('kinh-te', 'Lâm nghiệp', 'activity');
  // Trees or flowers of no kind planted along a road or a canal are its verge (class E, C9): "Trồng hoa ven đường liên xã".
  if (VERGE_PLANTING.test(k) && ROADSIDE.test(whole)) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  // 7. Production, trades and services, credit and jobs.
  // What is done before whom it is for, in production too: a production named in what is done comes first ("Hỗ trợ giống dâu cho hộ nuôi tằm"),
  // and one named only in whom it is for yields to what is done ("Hỗ trợ sách vở … cho học sinh hộ diêm dân" is schooling; C7: not who benefits).
  const forPeople = forWhom > 0 && PEOPLE_FOR.test(k.slice(forWhom));
  const headProduction = forPeople ? first(PRODUCTION, head) : undefined;
  const beneficiaryOnly = forPeople && societyOfHead !== undefined && headProduction === undefined;
  const p = (COOP_FOUNDING.test(k) ? COOPERATION : beneficiaryOnly ? undefined : PLANTING_FIRST.test(k) ? plantedFirst(k) : headProduction ?? first(PRODUCTION, k)) ?? (CROP_LEAD.test(k) ? CROPS : undefined) ?? first(ECONOMY, k);
  if (p) return withSector('kinh-te', p.sector, 'activity');
  // 8. Society — unless it is only whom production is for ("Hỗ trợ sinh kế cho người khuyết tật").
  if (society && !societyOfHead && LIVELIHOOD.test(head)) return withSector('kinh-te', MARKET, 'activity');
  // What a mass organisation does for its members, a programme it joins (NTM), is its own business, not a work (class B).
  if (workOnly && (!society || (society.sector === GOVERNMENT && PROGRAMME.test(k)) || MEMBERS.test(k))) return LIVELIHOOD.test(k) ? withSector('kinh-te', MARKET, 'activity') : undefined;
  if (society) return withSector('vh-xh-mt', society.sector, 'activity');
  if (LIVELIHOOD.test(k)) return withSector('kinh-te', MARKET, 'activity');
  const group = first(FOR_WHOM, head) ?? first(FOR_WHOM, k);
  if (group) return withSector('vh-xh-mt', group.sector, 'activity');
  // The place it happens at may be all that tells ("Tiêm … tại trạm y tế").
  const there = k === whole ? undefined : first(SOCIETY, whole) ?? first(FOR_WHOM, whole);
  if (there) return withSector('vh-xh-mt', there.sector, 'activity');
  // 9. Production in general.
  if (PRODUCTION_IN_GENERAL.test(k)) return withSector('kinh-te', MARKET, 'activity');
  return undefined;
}

/** The topic a sheet's sector points to: the first topic word it names ("Giao thông - Thủy lợi": CSHT). */
export function sectorTopic(sector: string | undefined): Topic | undefined {
  if (!sector) return undefined;
  const named = namedTopic(sector);
  if (named) return named;
  const canonical = canonicalSector(sector);
  if (canonical) return SECTOR_TOPIC.get(canonical);
  const k = ` ${foldKey(sector)} `;
  let best: Topic | undefined;
  let at = Infinity;
  for (const [topic, re] of SECTOR_TOPIC_WORDS) {
    const m = re.exec(k.trim());
    if (m && m.index < at) {
      at = m.index;
      best = topic;
    }
  }
  return best;
}

/** Classifications by hint, then by wording: two lookups on strings the readings already hold (no key built per call). No hint and '' classify alike. */
const classified = memo2((hint: string, activity: string) => classifyUncached(hint || undefined, activity));

/**
 * The topic of an activity, what decided it and the sector its words name. `hint` is the
 * Ngành/Lĩnh vực of its row or sheet: used only when the activity's words say nothing.
 */
export function classifyActivity(hint: string | undefined, activity: string): Classification {
  return classified(hint ?? '', activity);
}

/** What the words say alone (rules 1-8), remembered: every placement asks. */
const ownWords = memo((activity: string): Classification | undefined => {
  const read = prepared(activity);
  return byActivity(read) ?? (read.alongside ? byActivity(read.alongside) : undefined);
});

function classifyUncached(hint: string | undefined, activity: string): Classification {
  const own = ownWords(activity);
  if (own) return own;
  const named = namedTopic(hint);
  if (named) return { topic: named, basis: 'sheet-topic' };
  const bySector = sectorTopic(hint);
  if (bySector) return { topic: bySector, basis: 'sheet-sector' };
  const infra = infraOf(prepared(activity).works, true);
  if (infra) return withSector('csht', infra.sector, 'keywords');
  // No rule and no label: the learned table, when it is sure enough (learned.ts), before the older keyword lists.
  const learned = learnedSector(prepared(activity).whole);
  if (learned) return withSector('vh-xh-mt', learned, 'keywords');
  const weak = topicOfText(expand(foldKey(withoutPlaceNames(activity))));
  if (weak.topic) return { topic: weak.topic, basis: 'keywords' };
  return { topic: 'kinh-te', basis: 'default' };
}

/** The topic of an activity (see classifyActivity). */
export function classifyTopic(hint: string | undefined, activity: string): Topic {
  return classifyActivity(hint, activity).topic;
}

/** The sector an activity's own words name ("Sửa chữa đập tạm": Thủy lợi), when they name one. */
export function guessSector(activity: string): string | undefined {
  return classifyActivity(undefined, activity).sector;
}

const FORM_PREFIX = /^(?:m[aẫ]u\s*)?(?:bi[eể]u\s*)?(?:IV|III|II|I)\s*[.,]\s*\d{1,2}(?:\s*[.,]\s*[ABC])?\s*[-–—:]\s*(.+)$/iu;

/** The sector (or topic) a sheet's name gives after its form id: "I.2 - Giao thông" → "Giao thông". */
export function sectorOfSheetName(sheet: string | undefined): string | undefined {
  if (!sheet) return undefined;
  const m = FORM_PREFIX.exec(sheet.trim());
  const s = m?.[1].replace(/\s*\((?:cũ|\d+)\)$/u, '').trim();
  return s ? s : undefined;
}

/** The sheet's label: its "Ngành/Lĩnh vực:" field, else what its name says ("I.2 - Giao thông"); '' when neither. */
export function sheetLabel(sheetField: string | undefined, sheetName: string | undefined): string {
  return sheetField?.trim() || sheetSector(sheetName);
}

/**
 * The sector of a row: its own Ngành/Lĩnh vực cell, else the sector the activity's words name,
 * else the sheet's label ("Ngành/Lĩnh vực:" field, else the sheet's name); '' when nothing tells.
 * Canonical when LKH knows the sector ("GTNT" → "Giao thông"), else as typed.
 */
export function sectorOfRow(row: string | undefined, sheetField: string | undefined, sheetName: string | undefined, activity: string): string {
  return placeActivity(activity, row, sheetField, sheetName).sector;
}

/** Where an activity goes: its topic and sector, what decided the topic, and the sheet label its words overrule. */
export interface Placement {
  readonly topic: Topic;
  /** Canonical when known; '' when nothing tells. */
  readonly sector: string;
  readonly basis: TopicBasis;
  /** The sheet's label (a topic or a sector), when the activity's words say it is something else. */
  readonly overrules?: string;
}

/**
 * Where an activity goes (L3718: the sector follows each activity's nature). The words decide the
 * topic; the row's own Ngành/Lĩnh vực cell, the sheet's field and the sheet's name are hints, in
 * that order, used when the words say nothing. The sector is the row's own cell when typed, else
 * the words', else the sheet's label when the words do not contradict it. `overrules` names the
 * sheet's label when the words place the activity elsewhere (the topic differs from the topic the
 * sheet names, or the sector is none the sheet names).
 */
export function placeActivity(activity: string, rowSector: string | undefined, sheetField: string | undefined, sheetName: string | undefined): Placement {
  const row = rowSector?.trim() ?? '';
  const label = sheetLabel(sheetField, sheetName);
  // Most rows have no Ngành/Lĩnh vực of their own: those are remembered by label and wording (no key built per call).
  return row === '' ? placedBySheet(label, activity) : placeUncached(row, label, activity);
}

const placedBySheet = memo2((label: string, activity: string): Placement => placeUncached('', label, activity));

function placeUncached(row: string, label: string, activity: string): Placement {
  const own = ownWords(activity);
  const c = classifyActivity(row || label || undefined, activity);
  const rowName = sectorName(row);
  if (!own) {
    // The words say nothing sure: the hints decide the topic. An infrastructure object they name
    // (with a soft verb, or none: "Tập huấn tổ vận hành công trình nước sinh hoạt") still names the sector.
    const named = infraOf(prepared(activity).works, true)?.sector ?? '';
    const sector = rowName || named || (label && !namedTopic(label) ? sectorName(label) : '') || label || (c.sector ?? '');
    // The topic is the named object's sector's (class M: a market is Kinh tế under any sheet), then told by those words.
    const topic = !rowName && named !== '' ? SECTOR_TOPIC.get(named) ?? c.topic : c.topic;
    const basis = topic !== c.topic ? 'keywords' : row && c.basis !== 'keywords' && c.basis !== 'default' ? 'row-sector' : c.basis;
    const contradicts = !rowName && named !== '' && label !== '' && judge({ topic, sector: named, basis }, label) === 'overruled';
    return { topic, sector, basis, ...(contradicts ? { overrules: label } : {}) };
  }
  const verdict = label ? judge(own, label) : 'silent';
  const labelSector = verdict === 'overruled' ? '' : sectorName(label);
  const sector = rowName || own.sector || labelSector;
  return { topic: own.topic, sector, basis: 'activity', ...(verdict === 'overruled' ? { overrules: label } : {}) };
}

/** Whether what the words say fits the sheet's label, contradicts it, or the label says nothing LKH can judge. */
function judge(own: Classification, label: string): 'agrees' | 'overruled' | 'silent' {
  const topic = namedTopic(label);
  if (topic) return topic === own.topic ? 'agrees' : 'overruled';
  const named = sectorsNamed(label);
  if (named.size === 0) {
    const t = sectorTopic(label);
    return t === undefined ? 'silent' : t === own.topic || own.topic === 'csht' ? 'agrees' : 'overruled';
  }
  if (own.sector) return named.has(own.sector) ? 'agrees' : 'overruled';
  // No sector in the words: a sector holds works (CSHT) and activities of its own topic.
  return [...named].some((s) => own.topic === 'csht' || SECTOR_TOPIC.get(s) === own.topic) ? 'agrees' : 'overruled';
}

/** sectorOfSheetName, trimmed and remembered: a sheet's rows all ask for their sheet's name. */
function sheetSector(sheetName: string | undefined): string {
  return sheetName ? sheetSectorOf(sheetName) : '';
}

const sheetSectorOf = memo((sheetName: string): string => sectorOfSheetName(sheetName)?.trim() ?? '', 10_000);

// ---------------------------------------------------------------------------------------------
// The older keyword lists: the last resort of the topic, and the theme flags.

const TOPIC_WORDS: Readonly<Record<Topic, readonly string[]>> = {
  csht: [
    'co so ha tang', 'ha tang', 'giao thong', 'thuy loi', 'kenh', 'muong', 'truong hoc', 'phong hoc',
    'co so vat chat', 'nha van hoa', 'cong thoat nuoc', 'cong qua duong', 'cho nong thon', 'xay cho', 'nuoc sach', 'xay dung', 'be tong', 'cung hoa',
    'nha o', 'thong tin va truyen thong', 'buu dien', 'san the thao',
  ],
  'kinh-te': [
    'kinh te', 'to chuc san xuat', 'san xuat', 'nong nghiep', 'trong trot', 'chan nuoi', 'lam nghiep', 'thuy san',
    'khuyen nong', 'nganh nghe', 'dich vu', 'thuong mai', 'hop tac xa', 'htx', 'to hop tac', 'thu nhap', 'viec lam',
    'lao dong', 'giong', 'phan bon', 'vay von', 'tin dung', 'du lich', 'cay', 'lua', 'cay ngo', 'nuoi lon', 'lon giong', 'trau bo', 'nuoi bo', 'nuoi ga', 'nuoi ca',
    'trong rung', 'mo hinh', 'sinh ke', 'giam ngheo', 'ho ngheo', 'tieu thu',
  ],
  'vh-xh-mt': [
    'van hoa', 'xa hoi', 'moi truong', 'giao duc', 'dao tao', 'y te', 'suc khoe', 've sinh', 'rac', 'an ninh',
    'quoc phong', 'the thao', 'tre em', 'gia dinh', 'dan so', 'benh', 'phong chong', 'tuyen truyen', 'hoc sinh',
    'mam non', 'chinh tri', 'phap luat', 'an toan thuc pham', 'nuoc thai', 'bao hiem',
  ],
};

/** Every listed word or phrase, indexed by its first word: one pass over a text finds them all. */
type Entry = { readonly list: string; readonly phrase?: string; readonly weight: number };
let INDEX: Map<string, Entry[]> | undefined;

function index(): Map<string, Entry[]> {
  if (INDEX) return INDEX;
  INDEX = new Map();
  const lists: Record<string, readonly string[]> = { ...TOPIC_WORDS, ...FLAG_WORDS };
  for (const [list, ws] of Object.entries(lists)) {
    for (const w of ws) {
      const parts = w.split(' ');
      const entry: Entry = parts.length > 1 ? { list, phrase: ` ${w} `, weight: parts.length } : { list, weight: 1 };
      const at = INDEX.get(parts[0]);
      if (at) at.push(entry);
      else INDEX.set(parts[0], [entry]);
    }
  }
  return INDEX;
}

/** Scans of recent keys: an activity's name is scanned for its topic and again for its flags. */
const scanned = memo((key: string): ReadonlyMap<string, number> => scanUncached(key));

/** Matched weight per list (topic or flag) in a folded key; a phrase counts its number of words, once. */
function scan(key: string): ReadonlyMap<string, number> {
  return scanned(key);
}

function scanUncached(key: string): Map<string, number> {
  const out = new Map<string, number>();
  if (key === '') return out;
  const idx = index();
  const padded = ` ${key} `;
  const seenPhrases: string[] = [];
  for (const w of key.split(' ')) {
    const entries = idx.get(w);
    if (!entries) continue;
    for (const e of entries) {
      if (e.phrase !== undefined) {
        if (seenPhrases.includes(e.phrase) || !padded.includes(e.phrase)) continue;
        seenPhrases.push(e.phrase);
      }
      out.set(e.list, (out.get(e.list) ?? 0) + e.weight);
    }
  }
  return out;
}

/** The best topic of a text by the older keyword lists. */
function topicOfText(text: string | undefined): { topic?: Topic; weight: number } {
  if (!text) return { weight: 0 };
  const found = scan(foldKey(text));
  let best: Topic | undefined;
  let bestN = 0;
  for (const t of TOPICS) {
    const n = found.get(t) ?? 0;
    if (n > bestN) {
      best = t;
      bestN = n;
    }
  }
  return best ? { topic: best, weight: bestN } : { weight: 0 };
}

const FLAG_WORDS: Readonly<Record<keyof ThemeFlags, readonly string[]>> = {
  // "giới" (gender) folds as "giỏi" (good: "sản xuất giỏi") does: only its phrases count.
  women: ['phu nu', 'chi em', 'ba me', 'binh dang gioi', 'gioi tinh', 'long ghep gioi', 'van de gioi', 'nu'],
  poorWomen: ['phu nu ngheo', 'phu nu thuoc ho ngheo', 'nu ngheo'],
  publicJobs: ['viec lam cong', 'lao dong dia phuong', 'thue lao dong', 'tao viec lam', 'cong lao dong'],
  disasterRisk: ['thien tai', 'mua bao', 'bao lu', 'chong bao', 'lu', 'lut', 'han han', 'sat lo', 'bien doi khi hau', 'bdkh', 'rrtt', 'phong chong thien tai', 'xam nhap man'],
  market: ['thi truong', 'tieu thu', 'lien ket', 'chuoi gia tri', 'cho nong thon', 'thuong lai', 'ban san pham'],
};

/** Annex 1 themes and tie-break flags read from an activity's name and notes. */
export function readFlags(...texts: (string | undefined)[]): ThemeFlags {
  // Each text on its own: what it flags is remembered (names and notes recur), a joined string is not.
  let flags: Record<string, boolean> | undefined;
  for (const t of texts) {
    if (!t) continue;
    for (const flag of flagsOf(t)) (flags ??= {})[flag] = true;
  }
  // Most rows flag nothing: they share one frozen empty object (a province has 100,000 rows).
  return (flags ?? NO_FLAGS) as ThemeFlags;
}

const NO_FLAGS: ThemeFlags = Object.freeze({});
const FLAG_NAMES = Object.keys(FLAG_WORDS) as (keyof ThemeFlags)[];
/** The flags one text raises, by the text as typed (remembered, like scan's). */
const flagsOf = memo((text: string): readonly (keyof ThemeFlags)[] => {
  const found = scan(foldKey(text));
  return FLAG_NAMES.filter((flag) => (found.get(flag) ?? 0) > 0);
});

/** An activity's words as the rules read them: folded, place names set aside, abbreviations spelled out (the learned fallback's input). */
export function activityWords(activity: string): string {
  return prepared(activity).whole;
}
